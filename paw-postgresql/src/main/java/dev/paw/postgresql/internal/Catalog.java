package dev.paw.postgresql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks schema, table and column names against the database's catalogue before they are written
 * into SQL, and quotes them: a name is either one the catalogue holds, or an error naming it.
 */
public final class Catalog {

  private final Connection connection;

  public Catalog(Connection connection) {
    this.connection = connection;
  }

  /** A table, view or materialised view the catalogue holds, quoted as {@code "schema"."table"}. */
  public record Table(String schema, String name, long oid) {
    public String quoted() {
      return quote(schema) + "." + quote(name);
    }
  }

  /** {@code name} as a quoted identifier: in double quotes, a double quote doubled. */
  public static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The schema, or an error naming it when the catalogue has no such schema. */
  public String schema(String schema) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException(
              "no schema " + quote(schema) + " in this database (see: list_schemas)");
        }
      }
    }
    return schema;
  }

  /** The table, or an error naming it when the schema holds no table or view of that name. */
  public Table table(String schema, String table) throws SQLException {
    schema(schema);
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.oid FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException(
              "no table " + quote(table) + " in schema " + quote(schema) + " (see: list_tables)");
        }
        return new Table(schema, table, rows.getLong(1));
      }
    }
  }

  /** The column of {@code table}, or an error naming it when the table has none of that name. */
  public String column(Table table, String column) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM pg_catalog.pg_attribute"
                + " WHERE attrelid = ? AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
      query.setLong(1, table.oid());
      query.setString(2, column);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException(
              "no column " + quote(column) + " in table " + table.quoted());
        }
      }
    }
    return column;
  }

  /** The columns of the table's primary key, in key order; empty when it has none. */
  public List<String> primaryKey(Table table) throws SQLException {
    List<String> key = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT a.attname FROM pg_catalog.pg_index i"
                + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)"
                + " JOIN pg_catalog.pg_attribute a"
                + " ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                + " WHERE i.indrelid = ? AND i.indisprimary ORDER BY k.position")) {
      query.setLong(1, table.oid());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          key.add(rows.getString(1));
        }
      }
    }
    return key;
  }
}
