package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Excel workbooks, streamed with fastexcel-reader: cell types, dates, sheets, blank rows and gaps.
 */
class XlsxImportTest {

  @TempDir Path dir;
  ScratchPocket pocket;

  @BeforeEach
  void open() throws Exception {
    pocket = new ScratchPocket(dir);
  }

  @AfterEach
  void close() throws Exception {
    pocket.close();
  }

  /** Writes a workbook: each sheet is a name and rows of cell values (null: no cell). */
  private Path workbook(String name, Object... sheetsAndRows) throws Exception {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        Workbook workbook = new Workbook(out, "paw-test", "1.0")) {
      for (int s = 0; s < sheetsAndRows.length; s += 2) {
        Worksheet sheet = workbook.newWorksheet((String) sheetsAndRows[s]);
        Object[][] rows = (Object[][]) sheetsAndRows[s + 1];
        for (int r = 0; r < rows.length; r++) {
          for (int c = 0; c < rows[r].length; c++) {
            Object value = rows[r][c];
            if (value instanceof String) {
              sheet.value(r, c, (String) value);
            } else if (value instanceof Number) {
              sheet.value(r, c, (Number) value);
            } else if (value instanceof Boolean) {
              sheet.value(r, c, (Boolean) value);
            } else if (value instanceof LocalDate) {
              sheet.value(r, c, (LocalDate) value);
              sheet.style(r, c).format("yyyy-mm-dd").set();
            } else if (value instanceof LocalDateTime) {
              sheet.value(r, c, (LocalDateTime) value);
              sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
            } else if (value instanceof Formula) {
              sheet.formula(r, c, ((Formula) value).text);
            }
          }
        }
      }
    }
    return file;
  }

  private record Formula(String text) {}

  private static Object[][] rows(Object[]... rows) {
    return rows;
  }

  @Test
  void importsTheFirstSheetWithTypedCells() throws Exception {
    Path file =
        workbook(
            "book.xlsx",
            "Sales",
            rows(
                new Object[] {"ID", "Product", "Price", "In stock", "Since", "Updated"},
                new Object[] {
                  1,
                  "Pen",
                  1.5,
                  true,
                  LocalDate.of(2024, 2, 29),
                  LocalDateTime.of(2024, 3, 1, 13, 45, 0)
                },
                new Object[] {
                  2,
                  "Ink",
                  20,
                  false,
                  LocalDate.of(2024, 3, 1),
                  LocalDateTime.of(2024, 3, 2, 8, 0, 30)
                }));

    ImportResult result = pocket.importFile(file);

    assertThat(result.format()).isEqualTo("xlsx");
    assertThat(result.table()).isEqualTo("book");
    assertThat(result.columns())
        .extracting(ColumnInfo::name)
        .containsExactly("id", "product", "price", "in_stock", "since", "updated");
    assertThat(result.columns())
        .extracting(ColumnInfo::type)
        .containsExactly("INTEGER", "TEXT", "REAL", "BOOLEAN", "DATE", "DATETIME");
    assertThat(pocket.rows("SELECT * FROM book ORDER BY id"))
        .containsExactly(
            List.of(1, "Pen", 1.5, 1, "2024-02-29", "2024-03-01T13:45:00"),
            List.of(2, "Ink", 20.0, 0, "2024-03-01", "2024-03-02T08:00:30"));
  }

  @Test
  void fractionsOfASecondInADateTimeAreKept() throws Exception {
    Path file =
        workbook(
            "times.xlsx",
            "Log",
            rows(
                new Object[] {"At"},
                new Object[] {LocalDateTime.of(2024, 1, 1, 10, 0, 0, 500_000_000)},
                new Object[] {LocalDateTime.of(2024, 1, 1, 10, 0, 1)}));

    pocket.importFile(file);

    assertThat(pocket.rows("SELECT at FROM times"))
        .containsExactly(List.of("2024-01-01T10:00:00.5"), List.of("2024-01-01T10:00:01"));
  }

  @Test
  void textCellsStayTextEvenWhenTheyLookLikeNumbers() throws Exception {
    Path file =
        workbook(
            "zips.xlsx",
            "Sheet1",
            rows(new Object[] {"zip"}, new Object[] {"0042"}, new Object[] {"1234"}));

    pocket.importFile(file);

    assertThat(pocket.typed("zips", "zip")).containsExactly("text:0042", "text:1234");
  }

  @Test
  void readsASheetByName() throws Exception {
    Path file =
        workbook(
            "two.xlsx",
            "First",
            rows(new Object[] {"a"}, new Object[] {"1"}),
            "Second",
            rows(new Object[] {"b"}, new Object[] {2}));

    ImportResult result = pocket.importFile(ImportRequest.of(file).withSheetName("Second"));

    assertThat(result.columns()).extracting(ColumnInfo::name).containsExactly("b");
    assertThat(pocket.rows("SELECT b FROM two")).containsExactly(List.of(2));
  }

  @Test
  void aMissingSheetNamesTheSheetsThereAre() throws Exception {
    Path file =
        workbook("two.xlsx", "First", rows(new Object[] {"a"}), "Second", rows(new Object[] {"b"}));

    FileActionException error =
        catchThrowableOfType(
            FileActionException.class,
            () -> pocket.importFile(ImportRequest.of(file).withSheetName("Third")));

    assertThat(error).hasMessage("two.xlsx: has no sheet 'Third'; its sheets: First, Second");
  }

  @Test
  void emptyCellsAreNullAndBlankRowsAreSkipped() throws Exception {
    Path file =
        workbook(
            "gaps.xlsx",
            "S",
            rows(
                new Object[] {"a", "b", "c"},
                new Object[] {1, null, "x"},
                new Object[] {},
                new Object[] {3}));

    ImportResult result = pocket.importFile(file);

    assertThat(result.rowsImported()).isEqualTo(2);
    assertThat(pocket.rows("SELECT a, b, c FROM gaps ORDER BY a"))
        .containsExactly(Arrays.asList(1, null, "x"), Arrays.asList(3, null, null));
  }

  @Test
  void formulaCellsGiveTheirCachedValue() throws Exception {
    // fastexcel writes formulas without cached values, as many generators do: such cells are empty
    Path file =
        workbook(
            "f.xlsx", "S", rows(new Object[] {"a", "b"}, new Object[] {2, new Formula("A2*2")}));

    pocket.importFile(file);

    assertThat(pocket.rows("SELECT a, b FROM f")).containsExactly(Arrays.asList(2, null));
  }

  @Test
  void aValueRightOfTheHeaderIsAnError() throws Exception {
    Path file =
        workbook(
            "wide.xlsx",
            "Data",
            rows(new Object[] {"a", "b"}, new Object[] {1, 2}, new Object[] {3, 4, 5}));
    String before = pocket.snapshot();

    FileActionException error =
        catchThrowableOfType(FileActionException.class, () -> pocket.importFile(file));

    assertThat(error)
        .hasMessage(
            "wide.xlsx [Data]:3: row 3 has a value in column C, right of the header's last"
                + " column B");
    assertThat(error.column()).isEqualTo("C");
    assertThat(pocket.snapshot()).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotAWorkbookIsAClearError() throws Exception {
    Path file = pocket.write("fake.xlsx", "a,b\n1,2\n");

    assertThat(catchThrowableOfType(FileActionException.class, () -> pocket.importFile(file)))
        .hasMessageStartingWith("fake.xlsx: is not a readable .xlsx workbook");
  }

  @Test
  void withoutAHeaderEveryRowIsData() throws Exception {
    Path file = workbook("raw.xlsx", "S", rows(new Object[] {1, "a"}, new Object[] {2, "b"}));

    ImportResult result = pocket.importFile(ImportRequest.of(file).withHeader(false));

    assertThat(result.columns()).extracting(ColumnInfo::name).containsExactly("col_1", "col_2");
    assertThat(pocket.rows("SELECT col_1, col_2 FROM raw"))
        .containsExactly(List.of(1, "a"), List.of(2, "b"));
  }
}
