package dev.paw.runtime.internal.sync;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connector's synced data in a pocket: its tables, and for each its stored position, the keys an
 * interrupted run kept and when its last full run completed.
 */
public final class SyncedData {

  private SyncedData() {}

  /** Removes all of it, in one transaction; returns how many tables were dropped. */
  public static int drop(Connection db, ConnectorSpec connector) throws SQLException {
    db.setAutoCommit(false);
    int dropped = 0;
    try (Statement statement = db.createStatement()) {
      statement.execute(SyncStateStore.DDL);
      for (StreamSpec stream : connector.streams()) {
        String table = stream.table();
        if (table == null) {
          continue;
        }
        dropped += exists(db, table) ? 1 : 0;
        statement.execute("DROP TABLE IF EXISTS " + SqlNames.quote(table));
        for (String kind : new String[] {"seen_", SeenKeys.NEW, "changed_"}) {
          statement.execute(
              "DROP TABLE IF EXISTS " + SqlNames.quote(SqlNames.INTERNAL_PREFIX + kind + table));
        }
        try (PreparedStatement delete =
            db.prepareStatement("DELETE FROM _paw_sync_state WHERE table_name = ?")) {
          delete.setString(1, table);
          delete.executeUpdate();
        }
        FullRuns.forget(db, table);
      }
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
    return dropped;
  }

  private static boolean exists(Connection db, String table) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
      query.setString(1, table);
      return query.executeQuery().next();
    }
  }
}
