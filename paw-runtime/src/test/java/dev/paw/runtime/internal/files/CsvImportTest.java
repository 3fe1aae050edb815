package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV and TSV per RFC 4180: quoting, line breaks in quotes, BOMs, delimiters, headers, encodings,
 * NULL vs "".
 */
class CsvImportTest {

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

  @Test
  void importsQuotedFieldsDelimitersDoubledQuotesAndLineBreaks() throws Exception {
    Path file =
        pocket.write(
            "people.csv",
            "name,quote,city\r\n"
                + "\"Smith, John\",\"He said \"\"hi\"\"\",Oslo\r\n"
                + "\"Lines\",\"one\ntwo\r\nthree\rfour\",\"\"\r\n"
                + "Plain,,Bergen\n");

    ImportResult result = pocket.importFile(file);

    assertThat(result.table()).isEqualTo("people");
    assertThat(result.rowsImported()).isEqualTo(3);
    assertThat(pocket.rows("SELECT name, quote, city FROM people ORDER BY _rowid_"))
        .containsExactly(
            List.of("Smith, John", "He said \"hi\"", "Oslo"),
            List.of("Lines", "one\ntwo\r\nthree\rfour", ""),
            Arrays.asList("Plain", null, "Bergen"));
  }

  @Test
  void anEmptyFieldIsNullAndAnEmptyQuotedFieldIsTheEmptyString() throws Exception {
    Path file = pocket.write("empty.csv", "a,b,c\n,\"\",x\n");

    pocket.importFile(file);

    assertThat(pocket.typed("empty", "a")).containsExactly("null");
    assertThat(pocket.typed("empty", "b")).containsExactly("text:");
  }

  @Test
  void dropsAUtf8ByteOrderMark() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "id,name\n1,Ann\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(body, 0, content, bom.length, body.length);

    ImportResult result = pocket.importFile(pocket.writeBytes("bom.csv", content));

    assertThat(result.columns()).extracting(ColumnInfo::name).containsExactly("id", "name");
    assertThat(result.columns().get(0).header()).isEqualTo("id");
  }

  @Test
  void readsTsvByExtensionAndFormat() throws Exception {
    Path tsv = pocket.write("data.tsv", "a\tb\n1\tx,y\n");
    assertThat(pocket.importFile(tsv).format()).isEqualTo("tsv");
    assertThat(pocket.rows("SELECT a, b FROM data")).containsExactly(List.of(1, "x,y"));

    Path txt = pocket.write("other.txt", "a\tb\n2\tz\n");
    pocket.importFile(ImportRequest.of(txt).withFormat(FileFormat.TSV));
    assertThat(pocket.rows("SELECT a, b FROM other")).containsExactly(List.of(2, "z"));
  }

  @Test
  void readsOtherSingleCharacterDelimiters() throws Exception {
    Path file = pocket.write("semi.csv", "a;b\n\"1;2\";3\n");
    pocket.importFile(ImportRequest.of(file).withDelimiter(";"));
    assertThat(pocket.rows("SELECT a, b FROM semi")).containsExactly(List.of("1;2", 3));

    Path pipes = pocket.write("pipes.csv", "a|b\n1|2\n");
    pocket.importFile(ImportRequest.of(pipes).withDelimiter("|"));
    assertThat(pocket.rows("SELECT a, b FROM pipes")).containsExactly(List.of(1, 2));

    Path tabs = pocket.write("tabs.csv", "a\tb\n1\t2\n");
    pocket.importFile(ImportRequest.of(tabs).withDelimiter("\\t"));
    assertThat(pocket.rows("SELECT a, b FROM tabs")).containsExactly(List.of(1, 2));
  }

  @Test
  void withoutAHeaderColumnsAreNumbered() throws Exception {
    Path file = pocket.write("raw.csv", "1,Ann\n2,Bob\n");

    ImportResult result = pocket.importFile(ImportRequest.of(file).withHeader(false));

    assertThat(result.columns()).extracting(ColumnInfo::name).containsExactly("col_1", "col_2");
    assertThat(result.columns()).extracting(ColumnInfo::header).containsExactly(null, null);
    assertThat(pocket.rows("SELECT col_1, col_2 FROM raw"))
        .containsExactly(List.of(1, "Ann"), List.of(2, "Bob"));
  }

  @Test
  void keepsTheOriginalHeaderTextBesideTheSafeNames() throws Exception {
    Path file = pocket.write("h.csv", "Name,name,Unit Price ($),\n1,2,3,4\n");

    ImportResult result = pocket.importFile(file);

    assertThat(result.columns())
        .extracting(ColumnInfo::name)
        .containsExactly("name", "name_2", "unit_price", "col_4");
    assertThat(result.columns())
        .extracting(ColumnInfo::header)
        .containsExactly("Name", "name", "Unit Price ($)", null);
    assertThat(pocket.rows("SELECT columns FROM _paw_imports").get(0).get(0).toString())
        .contains("\"header\":\"Unit Price ($)\"");
  }

  @Test
  void decodesTheGivenEncoding() throws Exception {
    Charset cp1252 = Charset.forName("windows-1252");
    Path latin = pocket.write("latin.csv", "city,price\nZürich,€5\n", cp1252);
    pocket.importFile(ImportRequest.of(latin).withEncoding("windows-1252"));
    assertThat(pocket.rows("SELECT city, price FROM latin"))
        .containsExactly(List.of("Zürich", "€5"));

    Path utf16 = pocket.write("wide.csv", "\uFEFFcity\nKøbenhavn\n", StandardCharsets.UTF_16LE);
    pocket.importFile(ImportRequest.of(utf16).withEncoding("UTF-16LE"));
    assertThat(pocket.rows("SELECT city FROM wide")).containsExactly(List.of("København"));
  }

  @Test
  void blankLinesAreSkippedButInAOneColumnFileTheyAreNull() throws Exception {
    pocket.importFile(pocket.write("gaps.csv", "a,b\n1,2\n\n3,4\n"));
    assertThat(pocket.rows("SELECT a FROM gaps")).containsExactly(List.of(1), List.of(3));

    pocket.importFile(pocket.write("single.csv", "a\n1\n\n3\n"));
    assertThat(pocket.typed("single", "a")).containsExactly("integer:1", "null", "integer:3");
  }

  @Test
  void aHeaderWithoutRowsMakesAnEmptyTextTable() throws Exception {
    ImportResult result = pocket.importFile(pocket.write("only.csv", "a,b\n"));

    assertThat(result.rowsImported()).isZero();
    assertThat(result.columns()).extracting(ColumnInfo::type).containsExactly("TEXT", "TEXT");
  }

  @Test
  void theTableNameDefaultsToTheFileNameOrIsGiven() throws Exception {
    assertThat(pocket.importFile(pocket.write("Sales Q1.csv", "a\n1\n")).table())
        .isEqualTo("sales_q1");
    assertThat(
            pocket
                .importFile(
                    ImportRequest.of(pocket.write("x.csv", "a\n1\n")).withTableName("orders"))
                .table())
        .isEqualTo("orders");
  }

  @Test
  void recordsTheImportInTheCatalog() throws Exception {
    Path file = pocket.write("c.csv", "a,b\n1,x\n2,y\n");

    pocket.importFile(file);

    assertThat(
            pocket.rows(
                "SELECT table_name, source_file, source_format, mode, imported_at, rows_imported,"
                    + " has_header FROM _paw_imports"))
        .containsExactly(
            List.of(
                "c",
                file.toAbsolutePath().toString(),
                "csv",
                "replace",
                "2026-01-02T03:04:05Z",
                2,
                1));
  }

  @Test
  void aViewOfAReplacedTableReadsTheNewRows() throws Exception {
    Path file = pocket.write("v.csv", "a\n1\n");
    pocket.importFile(file);
    Tables.execute(pocket.connection, "CREATE VIEW big_a AS SELECT a FROM v WHERE a > 1");
    pocket.write("v.csv", "a\n5\n");

    pocket.importFile(file);

    assertThat(pocket.rows("SELECT a FROM big_a")).containsExactly(List.of(5));
  }

  @Test
  void importsInWalModeWithNormalSync() throws Exception {
    pocket.importFile(pocket.write("w.csv", "a\n1\n"));

    assertThat(pocket.rows("PRAGMA journal_mode")).containsExactly(List.of("wal"));
    assertThat(pocket.rows("PRAGMA synchronous")).containsExactly(List.of(1));
  }

  @Test
  void insideTheCallersTransactionTheCallerDecides() throws Exception {
    String before = pocket.snapshot();
    pocket.connection.setAutoCommit(false);

    pocket.importFile(pocket.write("tx.csv", "a\n1\n"));
    assertThat(pocket.rows("SELECT a FROM tx")).containsExactly(List.of(1));
    pocket.connection.rollback();
    pocket.connection.setAutoCommit(true);

    assertThat(pocket.snapshot()).isEqualTo(before);
  }

  @Test
  void replaceSwapsInTheNewTable() throws Exception {
    Path file = pocket.write("r.csv", "a\n1\n2\n");
    pocket.importFile(file);
    pocket.write("r.csv", "a,b\nx,y\n");

    ImportResult again = pocket.importFile(file);

    assertThat(again.replaced()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(pocket.rows("SELECT a, b FROM r")).containsExactly(List.of("x", "y"));
    assertThat(pocket.rows("SELECT count(*) FROM _paw_imports")).containsExactly(List.of(1));
    assertThat(pocket.rows("SELECT name FROM sqlite_schema WHERE name LIKE '%staging%'")).isEmpty();
  }
}
