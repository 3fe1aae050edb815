package dev.paw.dashboard.internal.data;

import dev.paw.runtime.pocket.Pocket.TableSyncStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pockets page shows of one pocket, read on a read-only connection: its connections (the
 * connector, state, when connected and the last error, which paw stored redacted; never the base
 * URL or pin), its tables with row counts, each table's last sync, and a health word.
 */
public final class PocketStatus {

  private PocketStatus() {}

  /** The pocket's summary as JSON-ready values. */
  public static Map<String, Object> summary(Connection connection) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> connections = connections(connection);
    List<TableSyncStatus> syncs = syncs(connection);
    List<Map<String, Object>> tables = new ArrayList<>();
    for (String table : TableBrowser.tables(connection)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", table);
      row.put("rows", count(connection, table));
      syncs.stream()
          .filter(s -> s.table().equals(table))
          .findFirst()
          .ifPresent(
              s -> {
                row.put("lastSync", text(s.lastFinishedAt()));
                row.put("lastOutcome", s.lastOutcome());
                row.put("lastError", s.lastError());
              });
      tables.add(row);
    }
    out.put("connections", connections);
    out.put("tables", tables);
    out.put(
        "lastSync",
        syncs.stream()
            .map(TableSyncStatus::lastFinishedAt)
            .filter(i -> i != null)
            .max(Instant::compareTo)
            .map(Instant::toString)
            .orElse(null));
    out.put("health", health(connections, syncs));
    return out;
  }

  private static String health(List<Map<String, Object>> connections, List<TableSyncStatus> syncs) {
    if (connections.stream().anyMatch(c -> "error".equals(c.get("state")))
        || syncs.stream().anyMatch(s -> "error".equals(s.lastOutcome()))) {
      return "error";
    }
    return connections.isEmpty() && syncs.isEmpty() ? "no connections" : "ok";
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT count(*) FROM " + TableBrowser.quote(table))) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<Map<String, Object>> connections(Connection connection) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!exists(connection, "_paw_connections")) {
      return out;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT connector, state, connected_at, last_error FROM _paw_connections"
                    + " ORDER BY connector")) {
      while (rows.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("connector", rows.getString(1));
        row.put("state", rows.getString(2));
        row.put("connectedAt", rows.getString(3));
        row.put("lastError", rows.getString(4));
        out.add(row);
      }
    }
    return out;
  }

  /** Each synced table's last run ({@code _paw_sync_state}), or none before the first sync. */
  public static List<TableSyncStatus> syncs(Connection connection) throws SQLException {
    List<TableSyncStatus> out = new ArrayList<>();
    if (!exists(connection, "_paw_sync_state")) {
      return out;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT table_name, connector, last_started_at, last_finished_at, last_outcome,"
                    + " last_error, last_records,"
                    + " last_inserted + last_updated + last_deleted, run_id IS NOT NULL"
                    + " FROM _paw_sync_state ORDER BY table_name")) {
      while (rows.next()) {
        out.add(
            new TableSyncStatus(
                rows.getString(1),
                rows.getString(2),
                instant(rows.getString(3)),
                instant(rows.getString(4)),
                rows.getString(5),
                rows.getString(6),
                rows.getLong(7),
                rows.getLong(8),
                rows.getBoolean(9)));
      }
    }
    return out;
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  static boolean exists(Connection connection, String table) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }
}
