package dev.paw.runtime.internal.pocket;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The runtime's own tables in every pocket.db, all prefixed {@code _paw_} so they never clash with
 * synced tables. Statements are idempotent: opening a pocket applies them every time.
 */
final class PocketSchema {

  /** The schema version this runtime writes; a newer pocket.db is refused rather than misread. */
  static final int VERSION = 2;

  private static final List<String> STATEMENTS =
      List.of(
          """
      CREATE TABLE IF NOT EXISTS _paw_pocket (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      )""",
          """
      CREATE TABLE IF NOT EXISTS _paw_connections (
        connector TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('connected', 'disconnected', 'error')),
        base_url_override TEXT,
        connected_at TEXT,
        updated_at TEXT NOT NULL,
        last_error TEXT,
        last_error_at TEXT,
        pin TEXT
      )""",
          // What a connection was given at connect time beyond credentials (sync parameters, a
          // generic endpoint), as a JSON object; never a secret.
          """
      CREATE TABLE IF NOT EXISTS _paw_connection_settings (
        connector TEXT PRIMARY KEY,
        settings TEXT NOT NULL
      )""",
          // Append-only: the triggers refuse UPDATE and DELETE; each row's hash chains it to the
          // one before.
          """
      CREATE TABLE IF NOT EXISTS _paw_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        time TEXT NOT NULL,
        pocket TEXT NOT NULL,
        connector TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT,
        params TEXT NOT NULL,
        trust_level TEXT,
        decision TEXT,
        outcome TEXT NOT NULL,
        error TEXT,
        duration_ms INTEGER NOT NULL,
        actor TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )""",
          "CREATE INDEX IF NOT EXISTS _paw_audit_by_time ON _paw_audit (time)",
          """
      CREATE TRIGGER IF NOT EXISTS _paw_audit_no_update BEFORE UPDATE ON _paw_audit
      BEGIN SELECT RAISE(ABORT, '_paw_audit is append-only: rows cannot be changed'); END""",
          """
      CREATE TRIGGER IF NOT EXISTS _paw_audit_no_delete BEFORE DELETE ON _paw_audit
      BEGIN SELECT RAISE(ABORT, '_paw_audit is append-only: rows cannot be deleted'); END""");

  private PocketSchema() {}

  /**
   * Version 2 added {@code _paw_connections.pin} (what the user approved when connecting); a
   * version 1 pocket gets the column, empty, and its connections are pinned on first use.
   */
  private static void addColumnIfMissing(
      Statement statement, String table, String column, String type) throws SQLException {
    try (ResultSet rs = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        if (rs.getString("name").equals(column)) {
          return;
        }
      }
    }
    statement.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
  }

  static void apply(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      int version;
      try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > VERSION) {
        throw new SQLException(
            "pocket.db has schema version "
                + version
                + ", newer than this paw runtime reads ("
                + VERSION
                + "); upgrade paw");
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        for (String sql : STATEMENTS) {
          statement.execute(sql);
        }
        addColumnIfMissing(statement, "_paw_connections", "pin", "TEXT");
        statement.execute("PRAGMA user_version = " + VERSION);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }
}
