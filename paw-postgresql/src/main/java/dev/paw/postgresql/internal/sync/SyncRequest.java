package dev.paw.postgresql.internal.sync;

import dev.paw.postgresql.internal.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What to sync: a table (by schema and name, checked against the catalogue, keyed by its primary
 * key) or a query (keyed by the columns given), into which pocket table, incremental on which
 * column (or {@code null} for a full refresh), in pages of how many rows.
 */
public record SyncRequest(
    String schema,
    String table,
    String query,
    String target,
    String cursorColumn,
    List<String> keys,
    int pageSize) {

  /** The source resolved against the database: its SQL, description and key. */
  record Source(String from, String description, List<String> keys) {}

  Source resolve(Connection pg) throws SQLException {
    if (query != null) {
      String sql = query.strip();
      while (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1).strip();
      }
      return new Source("(" + sql + ") AS paw_source", "query " + sql, keys);
    }
    Catalog catalog = new Catalog(pg);
    Catalog.Table found = catalog.table(schema, table);
    if (cursorColumn != null) {
      catalog.column(found, cursorColumn);
    }
    List<String> key = keys.isEmpty() ? catalog.primaryKey(found) : keys;
    for (String column : key) {
      catalog.column(found, column);
    }
    return new Source(found.quoted(), "table " + found.quoted(), key);
  }
}
