package dev.paw.runtime.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * When each table last completed a full run that removed what the source no longer had, in {@code
 * _paw_full_runs}: what a {@code full_refresh} schedule counts from. Written in the transaction of
 * the run's last page.
 */
final class FullRuns {

  private static final String DDL =
      "CREATE TABLE IF NOT EXISTS _paw_full_runs ("
          + "table_name TEXT PRIMARY KEY NOT NULL, finished_at TEXT NOT NULL)";

  private FullRuns() {}

  /** When {@code table}'s last full run completed, or {@code null} when it never did. */
  static Instant last(Connection db, String table) throws SQLException {
    create(db);
    try (PreparedStatement select =
        db.prepareStatement("SELECT finished_at FROM _paw_full_runs WHERE table_name = ?")) {
      select.setString(1, table);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Instant.parse(rs.getString(1)) : null;
      }
    }
  }

  /**
   * Records a full run of {@code table} that completed at {@code at} (in the caller's transaction).
   */
  static void completed(Connection db, String table, Instant at) throws SQLException {
    create(db);
    try (PreparedStatement upsert =
        db.prepareStatement("INSERT OR REPLACE INTO _paw_full_runs VALUES (?, ?)")) {
      upsert.setString(1, table);
      upsert.setString(2, at.toString());
      upsert.executeUpdate();
    }
  }

  /** Forgets {@code table}'s full runs. */
  static void forget(Connection db, String table) throws SQLException {
    create(db);
    try (PreparedStatement delete =
        db.prepareStatement("DELETE FROM _paw_full_runs WHERE table_name = ?")) {
      delete.setString(1, table);
      delete.executeUpdate();
    }
  }

  private static void create(Connection db) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(DDL);
    }
  }
}
