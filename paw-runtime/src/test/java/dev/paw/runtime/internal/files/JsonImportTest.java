package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON arrays of objects and NDJSON: nested objects flattened by path, arrays kept as JSON text,
 * JSON types kept.
 */
class JsonImportTest {

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
  void flattensNestedObjectsAndKeepsArraysAsJson() throws Exception {
    Path file =
        pocket.write(
            "people.json",
            "[\n"
                + "{\"id\": 1, \"name\": \"Ann\", \"address\": {\"city\": \"Oslo\", \"geo\": {\"lat\": 59.91}},"
                + " \"tags\": [\"a\", 1.50, {\"k\": null}]},\n"
                + "{\"id\": 2, \"name\": \"Bob\", \"address\": {\"city\": \"Rome\"}, \"tags\": [], \"meta\": {}}\n"
                + "]");

    ImportResult result = pocket.importFile(file);

    assertThat(result.format()).isEqualTo("json");
    assertThat(result.columns())
        .extracting(ColumnInfo::header)
        .containsExactly("id", "name", "address.city", "address.geo.lat", "tags", "meta");
    assertThat(result.columns())
        .extracting(ColumnInfo::name)
        .containsExactly("id", "name", "address_city", "address_geo_lat", "tags", "meta");
    assertThat(pocket.rows("SELECT * FROM people ORDER BY id"))
        .containsExactly(
            Arrays.asList(1, "Ann", "Oslo", 59.91, "[\"a\",1.50,{\"k\":null}]", null),
            Arrays.asList(2, "Bob", "Rome", null, "[]", "{}"));
  }

  @Test
  void readsNdjsonByExtensionOrByContent() throws Exception {
    String lines = "{\"a\": 1, \"b\": \"x\"}\n\n{\"a\": 2, \"c\": true}\n";
    ImportResult ndjson = pocket.importFile(pocket.write("events.ndjson", lines));
    assertThat(ndjson.format()).isEqualTo("ndjson");
    assertThat(pocket.rows("SELECT a, b, c FROM events ORDER BY a"))
        .containsExactly(Arrays.asList(1, "x", null), Arrays.asList(2, null, 1));

    assertThat(pocket.importFile(pocket.write("lines.json", lines)).format()).isEqualTo("ndjson");
    assertThat(pocket.importFile(pocket.write("more.jsonl", lines)).format()).isEqualTo("ndjson");
  }

  @Test
  void jsonStringsStayTextAndNumbersKeepTheirLiteral() throws Exception {
    Path file =
        pocket.write(
            "kinds.json",
            "[{\"zip\": \"0042\", \"n\": \"123\", \"price\": 1.50, \"day\":"
                + " \"2024-02-29\", \"flag\": \"true\", \"ok\": false, \"big\": 123456789012345678901234},"
                + " {\"zip\": \"1234\", \"n\": \"456\", \"price\": 2.25, \"day\": \"2024-03-01\", \"flag\": \"false\","
                + " \"ok\": true, \"big\": 1}]");

    ImportResult result = pocket.importFile(file);

    assertThat(result.columns())
        .extracting(ColumnInfo::format)
        .containsExactly("text", "text", "real:2", "date", "text", "boolean:true/false", "json");
    assertThat(pocket.typed("kinds", "big"))
        .containsExactly("text:123456789012345678901234", "text:1");
  }

  @Test
  void jsonNumbersAndBooleansNoOtherTypeKeepsExportAsTheLiteralsTheyWere() throws Exception {
    pocket.importFile(
        pocket.write(
            "lits.json",
            "[{\"a\": 1E2, \"b\": -0.0, \"c\": true, \"d\": 12345678901234567890,"
                + " \"e\": true}, {\"a\": 5, \"b\": 1, \"c\": 7, \"d\": 1, \"e\": \"x\"}]"));
    Path exported = dir.resolve("lits-out.json");

    pocket.actions.exportTable(pocket.connection, "lits", exported, ExportFormat.JSON);

    // each column of literals keeps them; a column that mixes a string in ("e") is text, exported
    // as strings
    assertThat(Files.readString(exported).replaceAll("\\s", ""))
        .isEqualTo(
            "[{\"a\":1E2,\"b\":-0.0,\"c\":true,"
                + "\"d\":12345678901234567890,\"e\":\"true\"},{\"a\":5,\"b\":1,\"c\":7,\"d\":1,\"e\":\"x\"}]");
  }

  @Test
  void aUtf16JsonArrayWithAByteOrderMarkIsReadAsAnArray() throws Exception {
    byte[] text = "[{\"a\": 1}, {\"a\": 2}]".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] withMark = new byte[text.length + 2];
    withMark[0] = (byte) 0xFF;
    withMark[1] = (byte) 0xFE;
    System.arraycopy(text, 0, withMark, 2, text.length);

    ImportResult result =
        pocket.importFile(
            ImportRequest.of(pocket.writeBytes("w.json", withMark)).withEncoding("utf-16"));

    assertThat(result.format()).isEqualTo("json");
    assertThat(pocket.typed("w", "a")).containsExactly("integer:1", "integer:2");
  }

  @Test
  void nullAndMissingKeysAreNullAndTheEmptyStringIsText() throws Exception {
    pocket.importFile(pocket.write("n.json", "[{\"a\": null, \"b\": \"\"}, {\"b\": \"x\"}]"));

    assertThat(pocket.typed("n", "a")).containsExactly("null", "null");
    assertThat(pocket.typed("n", "b")).containsExactly("text:", "text:x");
  }

  @Test
  void aKeyThatCollidesWithANestedPathIsAnError() throws Exception {
    Path file = pocket.write("dup.json", "[{\"a.b\": 1, \"a\": {\"b\": 2}}]");

    assertThat(catchThrowableOfType(FileActionException.class, () -> pocket.importFile(file)))
        .hasMessage(
            "dup.json:1: record 1 has 'a.b' twice (a repeated key, or a key with a dot that equals a nested"
                + " path)");
  }

  @Test
  void somethingOtherThanObjectsIsAnError() throws Exception {
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.importFile(pocket.write("nums.json", "[{\"a\": 1},\n 2]"))))
        .hasMessage("nums.json:2: record 2 is a number, expected an object");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () ->
                    pocket.importFile(
                        ImportRequest.of(pocket.write("obj.txt", "{\"a\": 1}"))
                            .withFormat(FileFormat.JSON))))
        .hasMessageStartingWith("obj.txt:1: expected a JSON array of objects, found an object");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.importFile(pocket.write("empty.json", "[]"))))
        .hasMessage("empty.json: has no records, so there are no columns to make a table of");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.importFile(pocket.write("blank.ndjson", "{}\n{}\n"))))
        .hasMessage(
            "blank.ndjson: has only empty records ({}), so there are no columns to make a table of");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () ->
                    pocket.importFile(
                        pocket.write(
                            "deep.json",
                            "[{\"a\": " + "[".repeat(1_100) + "]".repeat(1_100) + "}]"))))
        .hasMessageStartingWith("deep.json:1: exceeds a safety limit: Document nesting depth");
  }

  @Test
  void malformedJsonNamesTheLineAndLeavesThePocketAlone() throws Exception {
    pocket.importFile(pocket.write("ok.json", "[{\"a\": 1}]"));
    String before = pocket.snapshot();

    FileActionException error =
        catchThrowableOfType(
            FileActionException.class,
            () -> pocket.importFile(pocket.write("ok.json", "[{\"a\": 1},\n{\"a\": 2,,}]")));

    assertThat(error).hasMessageStartingWith("ok.json:2: not valid JSON: ");
    assertThat(pocket.snapshot()).isEqualTo(before);
  }

  @Test
  void invalidBytesAreAnErrorNamingTheLine() throws Exception {
    byte[] good = "[{\"a\": \"ok\"},\n{\"a\": \"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] content = java.util.Arrays.copyOf(good, good.length + 4);
    content[good.length] = (byte) 0xE9; // Latin-1 é
    content[good.length + 1] = '"';
    content[good.length + 2] = '}';
    content[good.length + 3] = ']';

    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.importFile(pocket.writeBytes("latin.json", content))))
        .hasMessageStartingWith("latin.json:2: byte E9 at byte offset 21 is not valid UTF-8");
  }

  @Test
  void exportToJsonAndBackKeepsValuesAndTypes() throws Exception {
    Path file =
        pocket.write(
            "in.json",
            "[{\"id\": 7, \"price\": 1.50, \"ok\": true, \"zip\": \"007\","
                + " \"address\": {\"city\": \"Oslo\"}, \"none\": null}]");
    pocket.importFile(file);
    Path out = dir.resolve("out.json");

    pocket.actions.exportTable(pocket.connection, "in", out, ExportFormat.JSON);
    pocket.importFile(ImportRequest.of(out).withTableName("again"));

    assertThat(java.nio.file.Files.readString(out))
        .isEqualTo(
            "[\n{\"id\":7,\"price\":1.50,\"ok\":true,\"zip\":"
                + "\"007\",\"address.city\":\"Oslo\",\"none\":null}\n]\n");
    assertThat(pocket.rows("SELECT * FROM again")).isEqualTo(pocket.rows("SELECT * FROM \"in\""));
    assertThat(pocket.rows("SELECT columns FROM _paw_imports WHERE table_name = 'again'"))
        .isEqualTo(pocket.rows("SELECT columns FROM _paw_imports WHERE table_name = 'in'"));
  }
}
