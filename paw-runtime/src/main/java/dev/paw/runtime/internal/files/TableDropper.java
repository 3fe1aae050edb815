package dev.paw.runtime.internal.files;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs {@code drop_table}: only tables {@code import_file} made; never paw's own, never a synced
 * table.
 */
final class TableDropper {

  DropResult drop(Connection connection, String tableName) {
    try {
      String table = Tables.requireUserTable(connection, tableName);
      if (ImportCatalog.latest(connection, table).isEmpty()) {
        throw new FileActionException(
            "table '"
                + table
                + "' was not made by import_file (a synced table?);"
                + " drop_table leaves it alone");
      }
      try (Savepoint transaction = Savepoint.set(connection, "paw_drop")) {
        long rows = Tables.rowCount(connection, table);
        Tables.drop(connection, table);
        ImportCatalog.forget(connection, table);
        transaction.release();
        return new DropResult(table, rows);
      }
    } catch (SQLException e) {
      throw new FileActionException("cannot drop '" + tableName + "': " + e.getMessage(), e);
    }
  }
}
