package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ParamSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * list_tables, preview_table, table_stats, drop_table and export_table, the wire-level dispatch,
 * and defaults taken from connectors/csv.yaml rather than literals of the runtime's own.
 */
class TableActionsTest {

  private static final ConnectorSpec CSV =
      ConnectorLoader.load(
              Path.of(System.getProperty("paw.repositoryRoot", ".."), "connectors", "csv.yaml"),
              "connectors/csv.yaml")
          .spec();

  @TempDir Path dir;
  ScratchPocket pocket;

  @BeforeEach
  void open() throws Exception {
    pocket = new ScratchPocket(dir);
    pocket.importFile(
        pocket.write(
            "sales.csv",
            "ID,Amount,Paid,Day,Note\n"
                + "1,250.00,true,2024-01-05,first\n2,99.50,false,2024-02-10,\n3,120.25,true,,\"\"\n"));
    Tables.execute(
        pocket.connection, "CREATE TABLE stripe_invoices (id TEXT PRIMARY KEY, amount INTEGER)");
    Tables.execute(pocket.connection, "INSERT INTO stripe_invoices VALUES ('in_1', 500)");
  }

  @AfterEach
  void close() throws Exception {
    pocket.close();
  }

  @Test
  void listsUserTablesButNotPawsOwn() {
    TableList list = pocket.actions.listTables(pocket.connection);

    assertThat(list.tables())
        .extracting(TableList.Entry::name)
        .containsExactly("sales", "stripe_invoices");
    TableList.Entry sales = list.tables().get(0);
    assertThat(sales.rowCount()).isEqualTo(3);
    assertThat(sales.columnCount()).isEqualTo(5);
    assertThat(sales.imported()).isTrue();
    assertThat(sales.sourceFile()).endsWith("sales.csv");
    assertThat(sales.importedAt()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(list.tables().get(1).imported()).isFalse();
  }

  @Test
  void previewsTypedRowsUpToTheLimit() {
    TablePreview preview = pocket.actions.previewTable(pocket.connection, "sales", 2);

    assertThat(preview.columns())
        .extracting(ColumnInfo::name)
        .containsExactly("id", "amount", "paid", "day", "note");
    assertThat(preview.rows())
        .containsExactly(
            List.of(1L, new BigDecimal("250.00"), true, "2024-01-05", "first"),
            Arrays.asList(2L, new BigDecimal("99.50"), false, "2024-02-10", null));
    assertThat(preview.truncated()).isTrue();
    assertThat(pocket.actions.previewTable(pocket.connection, "sales", 3).truncated()).isFalse();
  }

  @Test
  void computesStatistics() {
    TableStats stats = pocket.actions.tableStats(pocket.connection, "sales");

    assertThat(stats.rowCount()).isEqualTo(3);
    assertThat(stats.columns())
        .extracting(TableStats.ColumnStats::name)
        .containsExactly("id", "amount", "paid", "day", "note");
    assertThat(stats.columns())
        .extracting(TableStats.ColumnStats::type)
        .containsExactly("INTEGER", "REAL", "BOOLEAN", "DATE", "TEXT");
    assertThat(stats.columns())
        .extracting(TableStats.ColumnStats::nullCount)
        .containsExactly(0L, 0L, 0L, 1L, 1L);
    assertThat(stats.columns())
        .extracting(TableStats.ColumnStats::min)
        .containsExactly(1L, new BigDecimal("99.50"), false, "2024-01-05", "");
    assertThat(stats.columns())
        .extracting(TableStats.ColumnStats::max)
        .containsExactly(3L, new BigDecimal("250.00"), true, "2024-02-10", "first");
    assertThat(stats.columns().get(0).header()).isEqualTo("ID");
  }

  @Test
  void statisticsOfATableThatWasNotImported() {
    TableStats stats = pocket.actions.tableStats(pocket.connection, "stripe_invoices");

    assertThat(stats.columns())
        .extracting(TableStats.ColumnStats::type)
        .containsExactly("TEXT", "INTEGER");
    assertThat(stats.columns())
        .extracting(TableStats.ColumnStats::format)
        .containsExactly("native", "native");
    assertThat(stats.columns())
        .extracting(TableStats.ColumnStats::max)
        .containsExactly("in_1", 500L);
  }

  @Test
  void dropsImportedTablesOnly() throws Exception {
    DropResult dropped = pocket.actions.dropTable(pocket.connection, "sales");

    assertThat(dropped.rowsDropped()).isEqualTo(3);
    assertThat(Tables.exists(pocket.connection, "sales")).isFalse();
    assertThat(pocket.rows("SELECT count(*) FROM _paw_imports")).containsExactly(List.of(0));
  }

  @Test
  void refusesToDropPawsTablesSyncedTablesAndUnknownOnes() throws Exception {
    String before = pocket.snapshot();

    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.actions.dropTable(pocket.connection, "_paw_imports")))
        .hasMessageContaining("table '_paw_imports' is reserved");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.actions.dropTable(pocket.connection, "stripe_invoices")))
        .hasMessage(
            "table 'stripe_invoices' was not made by import_file (a synced table?); drop_table leaves it"
                + " alone");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.actions.dropTable(pocket.connection, "nope")))
        .hasMessage("there is no table 'nope' in this pocket; tables: sales, stripe_invoices");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.actions.dropTable(pocket.connection, "sales; DROP TABLE x")))
        .hasMessageContaining("is not a safe SQL identifier");
    assertThat(pocket.snapshot()).isEqualTo(before);
  }

  @Test
  void exportsCsvWithTheOriginalHeaderAndValues() throws Exception {
    Path out = dir.resolve("out.csv");

    ExportResult result =
        pocket.actions.exportTable(pocket.connection, "sales", out, ExportFormat.CSV);

    assertThat(Files.readString(out))
        .isEqualTo(
            "ID,Amount,Paid,Day,Note\r\n"
                + "1,250.00,true,2024-01-05,first\r\n2,99.50,false,2024-02-10,\r\n3,120.25,true,,\"\"\r\n");
    assertThat(result.rows()).isEqualTo(3);
    assertThat(result.bytes()).isEqualTo(Files.size(out));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".partial"));
    }
  }

  @Test
  void exportErrorsAreClear() {
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () ->
                    pocket.actions.exportTable(pocket.connection, "sales", dir, ExportFormat.CSV)))
        .hasMessageContaining("is a directory");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () ->
                    pocket.actions.exportTable(
                        pocket.connection,
                        "sales",
                        dir.resolve("no/such/dir.csv"),
                        ExportFormat.CSV)))
        .hasMessageContaining("its directory does not exist");
  }

  @Test
  void dispatchesTheConnectorsActionsByWireName() throws Exception {
    ReadOnlyDatabase readOnly = ReadOnlyDatabase.at(pocket.database);
    Path file = pocket.write("more.tsv", "a\tb\n1\tx\n");

    JsonNode imported =
        pocket
            .actions
            .execute(
                "import_file",
                Map.of("file_path", file.toString(), "table_name", "more", "mode", "append"),
                pocket.connection,
                readOnly)
            .toJson();
    JsonNode preview =
        pocket
            .actions
            .execute(
                "preview_table",
                Map.of("table_name", "more", "limit", 5),
                pocket.connection,
                readOnly)
            .toJson();
    JsonNode query =
        pocket
            .actions
            .execute(
                "query_table",
                Map.of("query", "SELECT count(*) AS n FROM sales"),
                pocket.connection,
                readOnly)
            .toJson();
    JsonNode exported =
        pocket
            .actions
            .execute(
                "export_table",
                Map.of(
                    "table_name",
                    "sales",
                    "output_path",
                    dir.resolve("s.json").toString(),
                    "format",
                    "json"),
                pocket.connection,
                readOnly)
            .toJson();

    assertThat(imported.get("rows_imported").asLong()).isEqualTo(1);
    assertThat(imported.get("format").asText()).isEqualTo("tsv");
    assertThat(imported.get("columns").get(0).get("name").asText()).isEqualTo("a");
    assertThat(preview.get("rows").toString()).isEqualTo("[[1,\"x\"]]");
    assertThat(query.get("rows").toString()).isEqualTo("[[3]]");
    assertThat(exported.get("rows").asLong()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("s.json")))
        .startsWith("[\n{\"ID\":1,\"Amount\":250.00,\"Paid\":true,");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.actions.execute("explode", Map.of(), pocket.connection, readOnly)))
        .hasMessageStartingWith("the csv connector has no action 'explode'");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () ->
                    pocket.actions.execute("preview_table", Map.of(), pocket.connection, readOnly)))
        .hasMessage("preview_table: parameter 'table_name' is required");
  }

  @Test
  void everyActionOfTheConnectorFileIsDispatched() throws Exception {
    Path yaml = Path.of(System.getProperty("paw.repositoryRoot", ".."), "connectors", "csv.yaml");
    List<String> actions =
        Files.readAllLines(yaml).stream()
            .filter(line -> line.startsWith("  - name: "))
            .map(line -> line.substring("  - name: ".length()).trim())
            .collect(java.util.stream.Collectors.toList());

    assertThat(actions)
        .containsExactly(
            "import_file",
            "list_tables",
            "preview_table",
            "table_stats",
            "query_table",
            "drop_table",
            "export_table");
    for (String action : actions) {
      FileActionException error =
          catchThrowableOfType(
              FileActionException.class,
              () ->
                  pocket.actions.execute(
                      action,
                      Map.of("table_name", "nope"),
                      pocket.connection,
                      ReadOnlyDatabase.at(pocket.database)));
      if (error != null) {
        assertThat(error.getMessage()).doesNotContain("has no action");
      }
    }
  }

  @Test
  void previewTableShowsAsManyRowsAsTheFilesDefaultLimit() throws Exception {
    int limit = ((Number) defaultOf("preview_table", "limit")).intValue();
    StringBuilder csv = new StringBuilder("n\n");
    for (int i = 0; i < limit + 5; i++) {
      csv.append(i).append('\n');
    }
    pocket.importFile(
        ImportRequest.of(pocket.write("many.csv", csv.toString())).withTableName("t"));

    JsonNode preview =
        pocket
            .actions
            .execute(
                "preview_table",
                Map.of("table_name", "t"),
                pocket.connection,
                ReadOnlyDatabase.at(pocket.database))
            .toJson();

    // Fails when csv.yaml's default changes and the runtime keeps the old one.
    assertThat(preview.get("rows")).hasSize(limit);
  }

  @Test
  void anImportRequestStartsFromTheFilesDefaults() {
    ImportRequest request = ImportRequest.of(Path.of("sales.csv"));

    assertThat(request.format().wireName()).isEqualTo(defaultOf("import_file", "format"));
    assertThat(request.delimiter()).isEqualTo(defaultOf("import_file", "delimiter"));
    assertThat(request.hasHeader()).isEqualTo(defaultOf("import_file", "has_header"));
    assertThat(request.encoding()).isEqualTo(defaultOf("import_file", "encoding"));
    assertThat(request.mode().wireName()).isEqualTo(defaultOf("import_file", "mode"));
  }

  private static Object defaultOf(String action, String param) {
    ActionSpec spec =
        CSV.actions().stream().filter(a -> a.name().equals(action)).findFirst().orElseThrow();
    return spec.allParams().stream()
        .filter(p -> p.name().equals(param))
        .map(ParamSpec::defaultValue)
        .findFirst()
        .orElseThrow();
  }
}
