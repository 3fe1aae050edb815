package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs {@code import_file}. Everything happens inside one savepoint on the pocket connection, so a
 * failure at any row leaves the pocket exactly as it was:
 *
 * <ul>
 *   <li>replace: column formats are chosen from a sample, the file is loaded into a staging table
 *       while every value is checked, and the staging table is renamed over the old one at the end.
 *       If a value past the sample did not fit, the load is rolled back and repeated once with the
 *       formats of the whole file.
 *   <li>append: the file's columns must be the table's, and its values must fit the table's
 *       formats; they are inserted into the table directly.
 * </ul>
 */
final class FileImporter {

  private static final String STAGING_PREFIX = "_paw_staging_";

  private final ImportLimits limits;
  private final Clock clock;

  FileImporter(ImportLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  ImportResult run(Connection connection, ImportRequest request) {
    return run(connection, request, ImportProgress.NONE);
  }

  /** Imports, telling {@code progress} how far it has got. */
  ImportResult run(Connection connection, ImportRequest request, ImportProgress progress) {
    long started = System.nanoTime();
    Path file = request.file();
    try {
      TabularSource source = Sources.open(request, limits);
      String table =
          request.tableName() == null || request.tableName().isBlank()
              ? SafeNames.tableFor(file.getFileName().toString())
              : Tables.checkName(request.tableName());
      List<String> columns = SafeNames.columns(source.headers());
      PocketPragmas.forImport(connection);
      try (Savepoint transaction = Savepoint.set(connection, "paw_import")) {
        ImportCatalog.ensureExists(connection);
        Target target = target(connection, table, source);
        long size = Files.size(file);
        TableLoader.Reporter reporter =
            (rows, batches, bytes, done) ->
                progress.report(target.table, rows, batches, bytes, bytes < 0 ? -1 : size, done);
        Outcome outcome =
            request.mode() == ImportMode.APPEND && target.existing
                ? append(connection, source, target, columns, reporter)
                : replace(connection, source, target, columns, reporter);
        ImportCatalog.record(
            connection,
            new ImportCatalog.Entry(
                target.table,
                file.toAbsolutePath().toString(),
                source.format(),
                request.mode().wireName(),
                clock.instant().toString(),
                outcome.rows,
                outcome.hasHeader,
                outcome.layout));
        // a replaced table holds exactly the rows read; counting a million rows again would cost a
        // scan
        long rowCount = outcome.appended ? Tables.rowCount(connection, target.table) : outcome.rows;
        transaction.release();
        return new ImportResult(
            target.table,
            file.toAbsolutePath().toString(),
            source.format(),
            request.mode().wireName(),
            outcome.rows,
            rowCount,
            !target.existing,
            target.existing && request.mode() == ImportMode.REPLACE,
            outcome.layout.stream().map(ColumnInfo::of).collect(Collectors.toList()),
            outcome.loads,
            (System.nanoTime() - started) / 1_000_000);
      }
    } catch (SQLException e) {
      throw new FileActionException(
          file.getFileName()
              + ": import failed in the database, nothing was imported: "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new FileActionException(file.getFileName() + ": cannot read: " + e, e);
    }
  }

  /** The table an import writes to, and whether it exists already. */
  private record Target(String table, boolean existing) {}

  /** What a load left in the table: rows read, how many passes, and the table's columns. */
  private record Outcome(
      long rows, int loads, boolean hasHeader, List<ColumnLayout> layout, boolean appended) {}

  private Target target(Connection connection, String table, TabularSource source)
      throws SQLException {
    String type = Tables.typeOf(connection, table);
    if ("view".equals(type)) {
      throw new FileActionException(
          "'" + table + "' is a view in this pocket; choose another table_name");
    }
    if (type == null) {
      return new Target(table, false);
    }
    String stored = Tables.storedName(connection, table);
    if (ImportCatalog.latest(connection, stored).isEmpty()) {
      throw new FileActionException(
          source.name()
              + ": table '"
              + stored
              + "' exists and was not made by"
              + " import_file (a synced table?); it is left alone: choose another table_name");
    }
    return new Target(stored, true);
  }

  private Outcome replace(
      Connection connection,
      TabularSource source,
      Target target,
      List<String> columns,
      TableLoader.Reporter reporter)
      throws IOException, SQLException {
    TableLoader loader = new TableLoader(connection, limits, reporter);
    String staging = STAGING_PREFIX + target.table.toLowerCase(Locale.ROOT);
    Tables.drop(connection, staging);
    List<ColumnFormat> formats = loader.sample(source);
    TableLoader.Load load;
    int loads = 1;
    try (Savepoint loading = Savepoint.set(connection, "paw_load")) {
      Tables.create(connection, staging, columns, formats);
      load = loader.load(source, staging, columns, formats, true);
      List<ColumnFormat> whole = load.profile().chooseAll();
      if (!whole.equals(formats)) {
        loading.rollback(); // the sample chose wrong: load again with what the whole file fits
        formats = whole;
        loads = 2;
        Tables.create(connection, staging, columns, formats);
        load = loader.load(source, staging, columns, formats, false);
        if (load.misfit() != null) {
          throw FileActionException.at(
              source.name(),
              load.misfit().line(),
              "the file changed while it was being" + " imported; nothing was imported");
        }
      }
      loading.release();
    }
    if (target.existing) {
      Tables.drop(connection, target.table);
      ImportCatalog.forget(connection, target.table);
    }
    Tables.rename(connection, staging, target.table);
    List<ColumnLayout> layout = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      layout.add(new ColumnLayout(columns.get(i), source.headers().get(i), formats.get(i)));
    }
    return new Outcome(load.rows(), loads, source.hasHeader(), layout, false);
  }

  private Outcome append(
      Connection connection,
      TabularSource source,
      Target target,
      List<String> columns,
      TableLoader.Reporter reporter)
      throws IOException, SQLException {
    TableLayout layout = ImportCatalog.layout(connection, target.table);
    Map<String, ColumnLayout> byName =
        layout.columns().stream()
            .collect(Collectors.toMap(c -> c.name().toLowerCase(Locale.ROOT), c -> c));
    checkSameColumns(source, target.table, columns, byName.keySet());
    List<ColumnFormat> formats = new ArrayList<>();
    List<String> tableColumns = new ArrayList<>();
    for (String column : columns) {
      ColumnLayout existing = byName.get(column.toLowerCase(Locale.ROOT));
      formats.add(existing.format());
      tableColumns.add(existing.name());
    }
    TableLoader.Load load =
        new TableLoader(connection, limits, reporter)
            .load(source, target.table, tableColumns, formats, false);
    Misfit misfit = load.misfit();
    if (misfit != null) {
      ColumnLayout column = byName.get(columns.get(misfit.column()).toLowerCase(Locale.ROOT));
      throw FileActionException.at(
          source.name(),
          misfit.line(),
          column.name(),
          "row "
              + misfit.row()
              + ", column '"
              + column.name()
              + "': '"
              + abbreviated(misfit.value())
              + "' does not fit the "
              + column.format().code()
              + " column of table '"
              + target.table
              + "', so nothing was appended;"
              + " import with mode=replace to let the column's type follow the data");
    }
    return new Outcome(load.rows(), 1, layout.hasHeader(), layout.columns(), true);
  }

  private static String abbreviated(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }

  private static void checkSameColumns(
      TabularSource source, String table, List<String> fileColumns, Set<String> tableColumns) {
    TreeSet<String> missing = new TreeSet<>(tableColumns);
    TreeSet<String> extra = new TreeSet<>();
    for (String column : fileColumns) {
      if (!missing.remove(column.toLowerCase(Locale.ROOT))) {
        extra.add(column);
      }
    }
    if (missing.isEmpty() && extra.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder("cannot append to table '")
            .append(table)
            .append("': the file's columns differ from the table's;");
    if (!missing.isEmpty()) {
      message.append(" missing from the file: ").append(String.join(", ", missing)).append(';');
    }
    if (!extra.isEmpty()) {
      message.append(" not in the table: ").append(String.join(", ", extra)).append(';');
    }
    message.append(" nothing was appended");
    throw FileActionException.at(source.name(), 0, message.toString());
  }
}
