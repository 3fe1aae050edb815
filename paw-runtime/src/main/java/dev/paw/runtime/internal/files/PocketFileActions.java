package dev.paw.runtime.internal.files;

import dev.paw.runtime.internal.csv.CsvLocalActions;
import dev.paw.runtime.internal.csv.DropTableParams;
import dev.paw.runtime.internal.csv.ExportTableParams;
import dev.paw.runtime.internal.csv.ImportFileParams;
import dev.paw.runtime.internal.csv.PreviewTableParams;
import dev.paw.runtime.internal.csv.QueryTableParams;
import dev.paw.runtime.internal.csv.TableStatsParams;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * The csv connector's generated {@code LOCAL} action interface on one pocket's connections: turns
 * the generated parameters (defaults from connectors/csv.yaml) into {@link FileActions} calls.
 */
final class PocketFileActions implements CsvLocalActions<FileActionResult> {

  private final FileActions actions;
  private final Connection pocket;
  private final ReadOnlyDatabase readOnly;
  private final ImportProgress progress;
  private boolean entered;

  PocketFileActions(
      FileActions actions, Connection pocket, ReadOnlyDatabase readOnly, ImportProgress progress) {
    this.actions = actions;
    this.pocket = pocket;
    this.readOnly = readOnly;
    this.progress = progress;
  }

  /** Whether an action started: before that, a failure is the caller's parameters. */
  boolean entered() {
    return entered;
  }

  @Override
  public FileActionResult importFile(ImportFileParams params) {
    entered = true;
    return actions.importFile(pocket, ImportRequest.from(params), progress);
  }

  @Override
  public FileActionResult listTables() {
    entered = true;
    return actions.listTables(pocket);
  }

  @Override
  public FileActionResult previewTable(PreviewTableParams params) {
    entered = true;
    return actions.previewTable(pocket, params.tableName(), limit(params.limit()));
  }

  @Override
  public FileActionResult tableStats(TableStatsParams params) {
    entered = true;
    return actions.tableStats(pocket, params.tableName());
  }

  @Override
  public FileActionResult queryTable(QueryTableParams params) {
    entered = true;
    return actions.queryTable(readOnly, params.query(), limit(params.limit()));
  }

  @Override
  public FileActionResult dropTable(DropTableParams params) {
    entered = true;
    return actions.dropTable(pocket, params.tableName());
  }

  @Override
  public FileActionResult exportTable(ExportTableParams params) {
    entered = true;
    return actions.exportTable(
        pocket,
        params.tableName(),
        Path.of(params.outputPath()),
        ExportFormat.of(params.format().wireValue()),
        params.spreadsheetSafe());
  }

  /** A limit as an int; one beyond the int range stays out of range, for the action to refuse. */
  private static int limit(long limit) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limit));
  }
}
