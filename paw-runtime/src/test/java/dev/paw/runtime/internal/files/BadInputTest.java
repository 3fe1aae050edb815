package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gives an error that names the file, the line and (where it applies) the
 * column, and leaves the pocket exactly as it was: each test imports a good table first and
 * compares full snapshots.
 */
class BadInputTest {

  @TempDir Path dir;
  ScratchPocket pocket;
  String before;

  @BeforeEach
  void open() throws Exception {
    // a small sample and small batches, so failures also happen after the sample, in the middle of
    // the load
    pocket = new ScratchPocket(dir, new ImportLimits(1 << 10, 50, 3, 4));
    pocket.importFile(pocket.write("sales.csv", "id,amount\n1,2.50\n2,3.75\n"));
    before = pocket.snapshot();
  }

  @AfterEach
  void close() throws Exception {
    pocket.close();
  }

  private FileActionException failing(ImportRequest request) throws Exception {
    FileActionException error =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            FileActionException.class, () -> pocket.importFile(request));
    assertThat(error).as("import should fail").isNotNull();
    assertThat(pocket.snapshot()).as("the pocket after: " + error.getMessage()).isEqualTo(before);
    return error;
  }

  private FileActionException failing(Path file) throws Exception {
    return failing(ImportRequest.of(file));
  }

  @Test
  void aRowWithTooManyFields() throws Exception {
    FileActionException error = failing(pocket.write("wide.csv", "a,b\n1,2\n3,4,5\n"));

    assertThat(error)
        .hasMessage(
            "wide.csv:3: row 2 has 3 fields, but the header has 2 (an unquoted delimiter or"
                + " line break in a value?)");
    assertThat(error.file()).isEqualTo("wide.csv");
    assertThat(error.line()).isEqualTo(3);
  }

  @Test
  void aRowWithTooFewFieldsAfterAQuotedLineBreak() throws Exception {
    FileActionException error = failing(pocket.write("short.csv", "a,b\n\"x\ny\",1\n2\n"));

    assertThat(error)
        .hasMessageStartingWith("short.csv:4: row 2 has 1 field, but the header has 2");
  }

  @Test
  void aRaggedRowFarPastTheSampleStillRollsBack() throws Exception {
    StringBuilder csv = new StringBuilder("a,b\n");
    for (int i = 1; i <= 200; i++) {
      csv.append(i).append(",x\n");
    }
    csv.append("201\n");

    FileActionException error = failing(pocket.write("sales.csv", csv.toString()));

    assertThat(error).hasMessageStartingWith("sales.csv:202: row 201 has 1 field");
  }

  @Test
  void anInvalidByteAtTheVeryStartIsNamedLikeAnyOther() throws Exception {
    byte[] windows1252 = {(byte) 0xC4, 'r', 'g', 'e', 'r', ',', 'b', '\n', '1', ',', '2', '\n'};

    FileActionException error = failing(pocket.writeBytes("ae.csv", windows1252));

    assertThat(error)
        .hasMessage(
            "ae.csv:1: byte C4 at byte offset 0 is not valid UTF-8; pass the file's"
                + " encoding (e.g. encoding=windows-1252)");
  }

  @Test
  void bytesThatAreNotValidInTheEncoding() throws Exception {
    byte[] head = "name\nok\nalso ok\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'Z', (byte) 0xFC, 'r', 'i', 'c', 'h', '\n'};
    byte[] content = new byte[head.length + bad.length];
    System.arraycopy(head, 0, content, 0, head.length);
    System.arraycopy(bad, 0, content, head.length, bad.length);

    FileActionException error = failing(pocket.writeBytes("latin.csv", content));

    assertThat(error)
        .hasMessage(
            "latin.csv:4: byte FC at byte offset 17 is not valid UTF-8; pass the file's"
                + " encoding (e.g. encoding=windows-1252)");
    assertThat(error.line()).isEqualTo(4);
  }

  @Test
  void anInvalidByteDeepInTheFileIsFoundByLine() throws Exception {
    StringBuilder csv = new StringBuilder("a\n");
    for (int i = 0; i < 5000; i++) {
      csv.append("value ").append(i).append('\n');
    }
    byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] content = java.util.Arrays.copyOf(good, good.length + 3);
    content[good.length] = (byte) 0xC3; // a truncated two-byte sequence
    content[good.length + 1] = 'x';
    content[good.length + 2] = '\n';

    FileActionException error = failing(pocket.writeBytes("deep.csv", content));

    assertThat(error.line()).as(error.getMessage()).isEqualTo(5002);
  }

  @Test
  void anEmptyFile() throws Exception {
    assertThat(failing(pocket.write("empty.csv", ""))).hasMessage("empty.csv: is empty");
    assertThat(failing(pocket.write("blank.csv", "\n\n")))
        .hasMessage("blank.csv: is empty: there is no header" + " and no data");
  }

  @Test
  void aFieldOverTheSizeLimit() throws Exception {
    FileActionException error =
        failing(pocket.write("huge.csv", "a,b\n1,\"" + "x".repeat(5000) + "\"\n"));

    assertThat(error)
        .hasMessageContaining("huge.csv:2: a field is longer than the limit of 1,024 characters");
  }

  @Test
  void anUnclosedQuote() throws Exception {
    assertThat(failing(pocket.write("open.csv", "a,b\n1,\"never closed\n2,3\n")))
        .hasMessageStartingWith("open.csv:2: not valid CSV: Unclosed quoted field");
  }

  @Test
  void textAfterAClosingQuote() throws Exception {
    assertThat(failing(pocket.write("junk.csv", "a,b\n1,\"x\"y\n")))
        .hasMessageStartingWith("junk.csv:2: not valid" + " CSV");
  }

  @Test
  void tooManyColumns() throws Exception {
    assertThat(failing(pocket.write("wide.csv", "c,".repeat(60) + "c\n")))
        .hasMessage("wide.csv:1: has 61" + " columns; the limit is 50");
  }

  @Test
  void aMissingFile() throws Exception {
    Path missing = dir.resolve("nope.csv");
    assertThat(failing(missing)).hasMessage(missing + ": no such file");
  }

  @Test
  void aDirectory() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("folder.csv"));
    assertThat(failing(folder)).hasMessage(folder + ": is a directory, not a file");
  }

  @Test
  void anUnknownFormatOrEncodingOrDelimiter() throws Exception {
    assertThat(failing(pocket.write("data.dat", "a\n1\n")))
        .hasMessageContaining("cannot tell the format");
    assertThat(failing(pocket.write("old.xls", "a\n1\n"))).hasMessageContaining("save it as .xlsx");
    assertThat(failing(ImportRequest.of(pocket.write("e.csv", "a\n1\n")).withEncoding("klingon")))
        .hasMessageContaining("unknown encoding 'klingon'");
    assertThat(failing(ImportRequest.of(pocket.write("d.csv", "a\n1\n")).withDelimiter("::")))
        .hasMessageContaining("delimiter must be one character");
  }

  @Test
  void anUnsafeOrReservedTableName() throws Exception {
    Path file = pocket.write("ok.csv", "a\n1\n");
    assertThat(failing(ImportRequest.of(file).withTableName("x; DROP TABLE sales")))
        .hasMessageContaining("table name 'x; DROP TABLE sales' is not a safe SQL identifier");
    assertThat(failing(ImportRequest.of(file).withTableName("_paw_imports")))
        .hasMessageContaining("is reserved");
    assertThat(failing(ImportRequest.of(file).withTableName("sqlite_master")))
        .hasMessageContaining("is reserved");
    assertThat(failing(ImportRequest.of(file).withTableName("1st")))
        .hasMessageContaining("not a safe");
  }

  @Test
  void aTableThatImportDidNotMakeIsLeftAlone() throws Exception {
    Tables.execute(pocket.connection, "CREATE TABLE stripe_invoices (id TEXT)");
    before = pocket.snapshot();

    assertThat(
            failing(
                ImportRequest.of(pocket.write("x.csv", "a\n1\n")).withTableName("stripe_invoices")))
        .hasMessageContaining("table 'stripe_invoices' exists and was not made by import_file");
  }

  @Test
  void theFirstImportFailingLeavesNoCatalogBehind(@TempDir Path fresh) throws Exception {
    try (ScratchPocket empty = new ScratchPocket(fresh)) {
      String nothing = empty.snapshot();
      assertThatThrownBy(() -> empty.importFile(empty.write("bad.csv", "a,b\n1\n")))
          .isInstanceOf(FileActionException.class)
          .hasMessage(
              "bad.csv:2: row 1 has 1 field, but the header has 2 (an unquoted delimiter or line break in a"
                  + " value?)");
      assertThat(empty.snapshot()).isEqualTo(nothing);
    }
  }
}
