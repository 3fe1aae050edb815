package dev.paw.runtime.internal.files;

import dev.paw.spec.SqlNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs {@code list_tables}, {@code preview_table} and {@code table_stats}: reads, never writes. */
final class TableInspector {

  static final int MAX_PREVIEW_ROWS = 10_000;
  private static final int MAX_SHOWN_CHARS = 1_000;

  TableList list(Connection connection) {
    try {
      List<TableList.Entry> entries = new ArrayList<>();
      for (String table : Tables.userTables(connection)) {
        Optional<ImportCatalog.Entry> imported = ImportCatalog.latest(connection, table);
        entries.add(
            new TableList.Entry(
                table,
                Tables.rowCount(connection, table),
                Tables.columns(connection, table).size(),
                imported.isPresent(),
                imported.map(ImportCatalog.Entry::sourceFile).orElse(null),
                imported.map(ImportCatalog.Entry::importedAt).orElse(null)));
      }
      return new TableList(entries);
    } catch (SQLException e) {
      throw new FileActionException("cannot list tables: " + e.getMessage(), e);
    }
  }

  TablePreview preview(Connection connection, String tableName, int limit) {
    checkLimit(limit, MAX_PREVIEW_ROWS);
    try {
      String table = Tables.requireUserTable(connection, tableName);
      TableLayout layout = ImportCatalog.layout(connection, table);
      List<List<Object>> rows = new ArrayList<>();
      boolean truncated = false;
      try (Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(TableExporter.select(layout) + " LIMIT " + (limit + 1))) {
        while (rs.next()) {
          if (rows.size() == limit) {
            truncated = true;
            break;
          }
          Object[] row = new Object[layout.columns().size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = layout.columns().get(i).format().json(rs, i + 1);
          }
          rows.add(Arrays.asList(row));
        }
      }
      return new TablePreview(table, infos(layout), rows, limit, truncated);
    } catch (SQLException e) {
      throw new FileActionException("cannot preview '" + tableName + "': " + e.getMessage(), e);
    }
  }

  /** One scan computes every column's count, minimum and maximum. */
  TableStats stats(Connection connection, String tableName) {
    try {
      String table = Tables.requireUserTable(connection, tableName);
      TableLayout layout = ImportCatalog.layout(connection, table);
      List<ColumnLayout> columns = layout.columns();
      String aggregates =
          columns.stream()
              .map(c -> SqlNames.quote(c.name()))
              .map(c -> "count(" + c + "), min(" + c + "), max(" + c + ")")
              .collect(Collectors.joining(", "));
      try (Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "SELECT count(*)"
                      + (aggregates.isEmpty() ? "" : ", " + aggregates)
                      + " FROM "
                      + SqlNames.quote(table))) {
        rs.next();
        long rowCount = rs.getLong(1);
        List<TableStats.ColumnStats> stats = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          ColumnLayout column = columns.get(i);
          int at = 2 + 3 * i;
          stats.add(
              new TableStats.ColumnStats(
                  column.name(),
                  column.header(),
                  column.declaredType(),
                  column.format().code(),
                  rowCount - rs.getLong(at),
                  shown(column.format().json(rs, at + 1)),
                  shown(column.format().json(rs, at + 2))));
        }
        return new TableStats(table, rowCount, stats);
      }
    } catch (SQLException e) {
      throw new FileActionException(
          "cannot compute statistics of '" + tableName + "': " + e.getMessage(), e);
    }
  }

  /** Long texts are cut for display: statistics are for looking at, export is for exact values. */
  private static Object shown(Object value) {
    if (value instanceof String && ((String) value).length() > MAX_SHOWN_CHARS) {
      return ((String) value).substring(0, MAX_SHOWN_CHARS) + "…";
    }
    return value;
  }

  static List<ColumnInfo> infos(TableLayout layout) {
    return layout.columns().stream().map(ColumnInfo::of).collect(Collectors.toList());
  }

  static void checkLimit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new FileActionException("limit must be between 1 and " + max + ", not " + limit);
    }
  }
}
