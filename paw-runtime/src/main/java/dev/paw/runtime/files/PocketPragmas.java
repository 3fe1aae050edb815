package dev.paw.runtime.files;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The settings an import runs with. They keep durability: WAL (the pocket's journal mode) with
 * {@code synchronous=NORMAL}, which in WAL mode never corrupts and loses at most the last commits on power loss;
 * journaling is never turned off. Applied only outside a transaction, where SQLite allows them.
 */
final class PocketPragmas {

  private PocketPragmas() {}

  static void forImport(Connection connection) throws SQLException {
    if (connection.getAutoCommit()) {
      Tables.execute(connection, "PRAGMA journal_mode=WAL");
      Tables.execute(connection, "PRAGMA synchronous=NORMAL");
    }
  }
}
