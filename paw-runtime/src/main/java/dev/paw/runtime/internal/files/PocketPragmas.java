package dev.paw.runtime.internal.files;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The settings an import runs with. They keep durability: WAL (the pocket's journal mode) with
 * {@code synchronous=NORMAL}, which in WAL mode never corrupts and loses at most the last commits
 * on power loss; journaling is never turned off. Applied only outside a transaction, where SQLite
 * allows them.
 */
final class PocketPragmas {

  private PocketPragmas() {}

  static void forImport(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      return; // inside the caller's transaction: its settings stand
    }
    String mode = journalMode(connection);
    if (!mode.equals("wal") && !mode.equals("memory")) {
      try {
        Tables.execute(connection, "PRAGMA journal_mode=WAL");
      } catch (SQLException busy) {
        // another connection holds the database: the import still runs, durably, in its current
        // journal mode
      }
    }
    Tables.execute(connection, "PRAGMA synchronous=NORMAL");
  }

  private static String journalMode(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
      return rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : "";
    }
  }
}
