package dev.paw.postgresql.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The checkpoints of PostgreSQL syncs in a pocket ({@code _paw_postgres_sync}): per pocket table,
 * its source, the incremental column and the last value committed, and the counts of the last run.
 * Saved in the same transaction as the page of rows it follows.
 */
final class SyncStates {

  static final String TABLE = "_paw_postgres_sync";

  /** One table's checkpoint. */
  record State(
      String target,
      String source,
      String cursorColumn,
      String cursor,
      long rows,
      int pages,
      boolean inProgress,
      String completedAt) {}

  private final Connection db;

  SyncStates(Connection db) throws SQLException {
    this.db = db;
    try (Statement statement = db.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (target TEXT PRIMARY KEY, source TEXT NOT NULL, cursor_column TEXT, cursor TEXT,"
              + " rows INTEGER NOT NULL, pages INTEGER NOT NULL, in_progress INTEGER NOT NULL,"
              + " completed_at TEXT)");
    }
  }

  State load(String target) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT * FROM " + TABLE + " WHERE target = ?")) {
      query.setString(1, target);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        return new State(
            target,
            row.getString("source"),
            row.getString("cursor_column"),
            row.getString("cursor"),
            row.getLong("rows"),
            row.getInt("pages"),
            row.getInt("in_progress") != 0,
            row.getString("completed_at"));
      }
    }
  }

  void save(State state) throws SQLException {
    try (PreparedStatement upsert =
        db.prepareStatement(
            "INSERT OR REPLACE INTO "
                + TABLE
                + " (target, source, cursor_column, cursor, rows, pages, in_progress, completed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      upsert.setString(1, state.target());
      upsert.setString(2, state.source());
      upsert.setString(3, state.cursorColumn());
      upsert.setString(4, state.cursor());
      upsert.setLong(5, state.rows());
      upsert.setInt(6, state.pages());
      upsert.setInt(7, state.inProgress() ? 1 : 0);
      upsert.setString(8, state.completedAt());
      upsert.executeUpdate();
    }
  }

  static String now() {
    return Instant.now().toString();
  }
}
