package dev.paw.runtime.internal.files;

import dev.paw.runtime.internal.csv.CsvLocalActionCalls;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The engine behind the {@code csv} connector's {@code LOCAL} actions: one method per action, each
 * working on a pocket's {@code pocket.db} connection. Methods throw {@link FileActionException} for
 * anything they cannot do; a failed import or drop leaves the pocket as it was.
 *
 * <p>Wiring a {@code LOCAL} adapter is one call: {@link #execute(String, Map, Connection,
 * ReadOnlyDatabase)} takes the action's wire name and parameters and returns a result whose {@link
 * FileActionResult#toJson()} is the action's answer.
 */
public final class FileActions {

  private final FileImporter importer;
  private final TableInspector inspector = new TableInspector();
  private final TableExporter exporter = new TableExporter();
  private final TableDropper dropper = new TableDropper();
  private final ReadOnlyQuery query;

  public FileActions() {
    this(ImportLimits.DEFAULTS, Clock.systemUTC());
  }

  public FileActions(ImportLimits limits, Clock clock) {
    this(limits, clock, ReadOnlyQuery.DEFAULT_TIMEOUT);
  }

  /**
   * @param queryTimeout the most time one {@code query_table} may run
   */
  public FileActions(ImportLimits limits, Clock clock, Duration queryTimeout) {
    this.importer = new FileImporter(limits, clock);
    this.query = new ReadOnlyQuery(queryTimeout);
  }

  /** {@code import_file}: reads a CSV, TSV, Excel, JSON or NDJSON file into a table. */
  public ImportResult importFile(Connection pocket, ImportRequest request) {
    return importer.run(pocket, request);
  }

  ImportResult importFile(Connection pocket, ImportRequest request, ImportProgress progress) {
    return importer.run(pocket, request, progress);
  }

  /** {@code list_tables}: the pocket's tables, without paw's own {@code _paw_*} ones. */
  public TableList listTables(Connection pocket) {
    return inspector.list(pocket);
  }

  /** {@code preview_table}: the first {@code limit} rows (1 to 10,000). */
  public TablePreview previewTable(Connection pocket, String tableName, int limit) {
    return inspector.preview(pocket, tableName, limit);
  }

  /** {@code table_stats}: row count and per column type, NULL count, minimum and maximum. */
  public TableStats tableStats(Connection pocket, String tableName) {
    return inspector.stats(pocket, tableName);
  }

  /**
   * {@code query_table}: runs {@code sql} on a connection from {@code readOnly}, returning at most
   * {@code limit} rows (1 to 100,000), within the query time limit. Writes are refused by SQLite
   * ({@code SQLITE_READONLY}).
   */
  public QueryResult queryTable(ReadOnlyDatabase readOnly, String sql, int limit) {
    return query.run(readOnly, sql, limit);
  }

  /** {@code drop_table}: removes a table that {@code import_file} made. */
  public DropResult dropTable(Connection pocket, String tableName) {
    return dropper.drop(pocket, tableName);
  }

  /**
   * {@code export_table}: writes a table as CSV (an imported one exactly as it was read) or JSON.
   */
  public ExportResult exportTable(
      Connection pocket, String tableName, Path outputPath, ExportFormat format) {
    return exporter.export(pocket, tableName, outputPath, format);
  }

  /**
   * {@code export_table} with {@code spreadsheet_safe}: a CSV that a spreadsheet opens without
   * running formulas ({@code =HYPERLINK(...)}, {@code +cmd|...}); cells that would start one get a
   * leading single quote.
   */
  public ExportResult exportTable(
      Connection pocket,
      String tableName,
      Path outputPath,
      ExportFormat format,
      boolean spreadsheetSafe) {
    return exporter.export(pocket, tableName, outputPath, format, spreadsheetSafe);
  }

  /**
   * Runs an action of {@code connectors/csv.yaml} by its wire name with its wire-named parameters
   * (missing ones take the connector's defaults). The generated {@link CsvLocalActionCalls} reads
   * the parameters, so the connector file alone names the actions and their defaults.
   *
   * @param pocket the pocket's read-write connection
   * @param readOnly read-only connections to the same database, for {@code query_table}
   */
  public FileActionResult execute(
      String action, Map<String, ?> params, Connection pocket, ReadOnlyDatabase readOnly) {
    return execute(action, params, pocket, readOnly, ImportProgress.NONE);
  }

  /** As {@link #execute(String, Map, Connection, ReadOnlyDatabase)}, an import telling progress. */
  FileActionResult execute(
      String action,
      Map<String, ?> params,
      Connection pocket,
      ReadOnlyDatabase readOnly,
      ImportProgress progress) {
    PocketFileActions calls = new PocketFileActions(this, pocket, readOnly, progress);
    try {
      return CsvLocalActionCalls.call(calls, action, params == null ? Map.of() : params);
    } catch (IllegalArgumentException e) {
      if (calls.entered()) {
        throw e;
      }
      throw new FileActionException(e.getMessage(), e);
    }
  }
}
