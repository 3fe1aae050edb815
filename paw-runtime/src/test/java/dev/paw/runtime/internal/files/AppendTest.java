package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Append adds a file's rows to an imported table when its columns and values fit; otherwise nothing
 * changes.
 */
class AppendTest {

  @TempDir Path dir;
  ScratchPocket pocket;

  @BeforeEach
  void open() throws Exception {
    pocket = new ScratchPocket(dir);
    pocket.importFile(
        ImportRequest.of(pocket.write("jan.csv", "ID,Amount,Note\n1,2.50,a\n2,3.00,\n"))
            .withTableName("sales"));
  }

  @AfterEach
  void close() throws Exception {
    pocket.close();
  }

  private ImportRequest append(String name, String csv) throws Exception {
    return ImportRequest.of(pocket.write(name, csv))
        .withTableName("sales")
        .withMode(ImportMode.APPEND);
  }

  @Test
  void addsRowsWhenColumnsMatchInAnyOrder() throws Exception {
    ImportResult result = pocket.importFile(append("feb.csv", "note,id,amount\nb,3,4.25\n"));

    assertThat(result.rowsImported()).isEqualTo(1);
    assertThat(result.rowCount()).isEqualTo(3);
    assertThat(result.created()).isFalse();
    assertThat(result.replaced()).isFalse();
    assertThat(pocket.rows("SELECT id, amount, note FROM sales ORDER BY id"))
        .containsExactly(
            List.of(1, 2.5, "a"), java.util.Arrays.asList(2, 3.0, null), List.of(3, 4.25, "b"));
    assertThat(pocket.rows("SELECT mode, rows_imported FROM _paw_imports ORDER BY id"))
        .containsExactly(List.of("replace", 2), List.of("append", 1));
  }

  @Test
  void saysWhichColumnsDiffer() throws Exception {
    String before = pocket.snapshot();

    FileActionException error =
        catchThrowableOfType(
            FileActionException.class,
            () -> pocket.importFile(append("mar.csv", "id,amount,region\n4,1.00,north\n")));

    assertThat(error)
        .hasMessage(
            "mar.csv: cannot append to table 'sales': the file's columns differ from the"
                + " table's; missing from the file: note; not in the table: region; nothing was appended");
    assertThat(pocket.snapshot()).isEqualTo(before);
  }

  @Test
  void aValueThatDoesNotFitTheTableIsAnErrorNamingRowAndColumn() throws Exception {
    String before = pocket.snapshot();

    FileActionException error =
        catchThrowableOfType(
            FileActionException.class,
            () -> pocket.importFile(append("apr.csv", "id,amount,note\n5,1.00,x\n6,1.5,y\n")));

    assertThat(error)
        .hasMessage(
            "apr.csv:3: row 2, column 'amount': '1.5' does not fit the real:2 column of table"
                + " 'sales', so nothing was appended; import with mode=replace to let the column's type follow the data");
    assertThat(error.column()).isEqualTo("amount");
    assertThat(pocket.snapshot()).isEqualTo(before);
  }

  @Test
  void appendingToATableThatDoesNotExistCreatesIt() throws Exception {
    ImportResult result =
        pocket.importFile(
            ImportRequest.of(pocket.write("new.csv", "a\n1\n")).withMode(ImportMode.APPEND));

    assertThat(result.created()).isTrue();
    assertThat(pocket.rows("SELECT a FROM new")).containsExactly(List.of(1));
  }

  @Test
  void exportAfterAppendStillGivesBackEveryValue() throws Exception {
    pocket.importFile(append("feb.csv", "ID,Amount,Note\n3,4.20,\"\"\n"));
    Path out = dir.resolve("out.csv");

    pocket.actions.exportTable(pocket.connection, "sales", out, ExportFormat.CSV);

    assertThat(java.nio.file.Files.readString(out))
        .isEqualTo("ID,Amount,Note\r\n1,2.50,a\r\n2,3.00,\r\n" + "3,4.20,\"\"\r\n");
  }
}
