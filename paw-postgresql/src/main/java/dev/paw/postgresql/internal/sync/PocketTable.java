package dev.paw.postgresql.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pocket table a sync writes: created with the source's typed columns (and its key as the
 * primary key), rows inserted, or upserted by the key, in batches on the caller's transaction.
 */
final class PocketTable {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

  private final Connection db;
  private final String name;
  private final SourceColumns columns;
  private final List<String> keys;

  PocketTable(Connection db, String name, SourceColumns columns, List<String> keys) {
    this.db = db;
    this.name = name;
    this.columns = columns;
    this.keys = keys;
  }

  /** A pocket table name: a letter then letters, digits or underscores; paw's own are refused. */
  static String checkedName(String name) {
    if (!NAME.matcher(name).matches() || name.toLowerCase().startsWith("sqlite_")) {
      throw new IllegalArgumentException(
          "pocket table \""
              + name
              + "\": a table name is a letter, then up to 62 letters, digits or underscores");
    }
    return name;
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  boolean exists() throws SQLException {
    return exists(db, name);
  }

  /** Whether the pocket has a table of that name. */
  static boolean exists(Connection db, String name) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  /**
   * Creates the table, or checks that the one there has the source's columns: a sync never writes
   * into a table of another shape.
   */
  void createOrCheck() throws SQLException {
    if (exists()) {
      List<String> present = new ArrayList<>();
      try (Statement statement = db.createStatement();
          ResultSet rows = statement.executeQuery("PRAGMA table_info(" + quote(name) + ")")) {
        while (rows.next()) {
          present.add(rows.getString("name"));
        }
      }
      if (!present.equals(columns.names())) {
        throw new IllegalArgumentException(
            "pocket table \""
                + name
                + "\" has columns "
                + present
                + ", the source gives "
                + columns.names()
                + ": sync it into another table, or without an incremental column to replace it");
      }
      return;
    }
    List<String> definitions = new ArrayList<>();
    for (int i = 0; i < columns.names().size(); i++) {
      definitions.add(quote(columns.names().get(i)) + " " + columns.kinds().get(i).sqliteType());
    }
    if (!keys.isEmpty()) {
      definitions.add(
          "PRIMARY KEY ("
              + keys.stream().map(PocketTable::quote).collect(Collectors.joining(", "))
              + ")");
    }
    try (Statement statement = db.createStatement()) {
      statement.execute(
          "CREATE TABLE " + quote(name) + " (" + String.join(", ", definitions) + ")");
    }
  }

  void drop() throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + quote(name));
    }
  }

  /** Replaces {@code target} by this table (same transaction as the caller's). */
  void renameTo(String target) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + quote(target));
      statement.execute("ALTER TABLE " + quote(name) + " RENAME TO " + quote(target));
    }
  }

  /** Writes {@code rows} (values in column order), replacing rows of the same key. */
  void write(List<Object[]> rows) throws SQLException {
    String columnList =
        columns.names().stream().map(PocketTable::quote).collect(Collectors.joining(", "));
    String sql =
        "INSERT INTO "
            + quote(name)
            + " ("
            + columnList
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.names().size(), "?"))
            + ")";
    List<String> others = columns.names().stream().filter(c -> !keys.contains(c)).toList();
    if (!keys.isEmpty()) {
      sql +=
          " ON CONFLICT ("
              + keys.stream().map(PocketTable::quote).collect(Collectors.joining(", "))
              + ")"
              + (others.isEmpty()
                  ? " DO NOTHING"
                  : " DO UPDATE SET "
                      + others.stream()
                          .map(c -> quote(c) + " = excluded." + quote(c))
                          .collect(Collectors.joining(", ")));
    }
    try (PreparedStatement insert = db.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          bind(insert, i + 1, row[i]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void bind(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof Long whole) {
      statement.setLong(index, whole);
    } else if (value instanceof Double real) {
      statement.setDouble(index, real);
    } else if (value instanceof Boolean bool) {
      statement.setInt(index, bool ? 1 : 0);
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else {
      statement.setString(index, value.toString());
    }
  }
}
