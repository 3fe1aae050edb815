package dev.paw.runtime.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code _paw_sync_state}. Writes take part in the caller's transaction, so a
 * page's rows and the checkpoint that records them commit together or not at all. A run saves once
 * a page, so the store keeps its statement prepared until closed.
 */
final class SyncStateStore implements AutoCloseable {

  private static final String UPSERT =
      "INSERT OR REPLACE INTO _paw_sync_state ("
          + "table_name, connector, cursor, run_id, run_floor, run_max, position, run_inserted, run_updated,"
          + " run_unchanged, run_deleted, run_records, run_pages, last_started_at, last_finished_at, last_outcome,"
          + " last_error, last_inserted, last_updated, last_unchanged, last_deleted, last_records, last_pages)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _paw_sync_state ("
          + "table_name TEXT PRIMARY KEY NOT NULL, connector TEXT NOT NULL, cursor TEXT, run_id TEXT, run_floor TEXT,"
          + " run_max TEXT, position TEXT, run_inserted INTEGER NOT NULL DEFAULT 0,"
          + " run_updated INTEGER NOT NULL DEFAULT 0, run_unchanged INTEGER NOT NULL DEFAULT 0,"
          + " run_deleted INTEGER NOT NULL DEFAULT 0, run_records INTEGER NOT NULL DEFAULT 0,"
          + " run_pages INTEGER NOT NULL DEFAULT 0, last_started_at TEXT, last_finished_at TEXT, last_outcome TEXT,"
          + " last_error TEXT, last_inserted INTEGER NOT NULL DEFAULT 0, last_updated INTEGER NOT NULL DEFAULT 0,"
          + " last_unchanged INTEGER NOT NULL DEFAULT 0, last_deleted INTEGER NOT NULL DEFAULT 0,"
          + " last_records INTEGER NOT NULL DEFAULT 0, last_pages INTEGER NOT NULL DEFAULT 0)";

  private final Connection connection;
  private PreparedStatement upsert;

  SyncStateStore(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement statement = connection.createStatement()) {
      statement.execute(DDL);
    }
  }

  /** Every table's state, by table name. */
  List<SyncState> loadAll() throws SQLException {
    List<SyncState> all = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT table_name, connector FROM _paw_sync_state ORDER BY table_name")) {
      while (rs.next()) {
        all.add(load(rs.getString(2), rs.getString(1)));
      }
    }
    return all;
  }

  /** The table's state; a fresh one when it was never synced. */
  SyncState load(String connector, String table) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT * FROM _paw_sync_state WHERE table_name = ?")) {
      select.setString(1, table);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return SyncState.fresh(connector, table);
        }
        String runId = rs.getString("run_id");
        SyncState.Run run =
            runId == null
                ? null
                : new SyncState.Run(
                    runId,
                    rs.getString("run_floor"),
                    rs.getString("run_max"),
                    PagePosition.fromJson(rs.getString("position")),
                    counts(rs, "run_"));
        SyncState.LastRun last =
            new SyncState.LastRun(
                instant(rs.getString("last_started_at")),
                instant(rs.getString("last_finished_at")),
                SyncState.Outcome.of(rs.getString("last_outcome")),
                rs.getString("last_error"),
                counts(rs, "last_"));
        return new SyncState(rs.getString("connector"), table, rs.getString("cursor"), run, last);
      }
    }
  }

  /** Writes the whole state (insert or replace). */
  void save(SyncState state) throws SQLException {
    if (upsert == null) {
      upsert = connection.prepareStatement(UPSERT);
    }
    int i = 0;
    upsert.setString(++i, state.table());
    upsert.setString(++i, state.connector());
    upsert.setString(++i, state.cursor());
    SyncState.Run run = state.run();
    upsert.setString(++i, run == null ? null : run.id());
    upsert.setString(++i, run == null ? null : run.floor());
    upsert.setString(++i, run == null ? null : run.max());
    upsert.setString(++i, run == null ? null : run.position().toJson());
    i = setCounts(upsert, i, state.runCounts());
    SyncState.LastRun last = state.last();
    upsert.setString(++i, text(last.startedAt()));
    upsert.setString(++i, text(last.finishedAt()));
    upsert.setString(++i, last.outcome() == null ? null : last.outcome().text());
    upsert.setString(++i, last.error());
    setCounts(upsert, i, last.counts());
    upsert.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    if (upsert != null) {
      upsert.close();
      upsert = null;
    }
  }

  private static int setCounts(PreparedStatement statement, int index, SyncCounts counts)
      throws SQLException {
    int i = index;
    statement.setLong(++i, counts.inserted());
    statement.setLong(++i, counts.updated());
    statement.setLong(++i, counts.unchanged());
    statement.setLong(++i, counts.deleted());
    statement.setLong(++i, counts.records());
    statement.setLong(++i, counts.pages());
    return i;
  }

  private static SyncCounts counts(ResultSet rs, String prefix) throws SQLException {
    return new SyncCounts(
        rs.getLong(prefix + "inserted"),
        rs.getLong(prefix + "updated"),
        rs.getLong(prefix + "unchanged"),
        rs.getLong(prefix + "deleted"),
        rs.getLong(prefix + "records"),
        rs.getLong(prefix + "pages"));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
