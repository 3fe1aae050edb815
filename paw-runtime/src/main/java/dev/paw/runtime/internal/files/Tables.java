package dev.paw.runtime.internal.files;

import dev.paw.spec.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small SQL helpers over pocket tables: existence, columns, create, drop, rename. Names are always
 * quoted.
 */
final class Tables {

  /** One column as {@code PRAGMA table_info} reports it. */
  record Column(String name, String declaredType) {}

  private Tables() {}

  /**
   * Whether {@code name} is one of paw's or SQLite's own tables, which file actions never touch.
   */
  static boolean isInternal(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith(SqlNames.INTERNAL_PREFIX) || lower.startsWith("sqlite_");
  }

  /**
   * Checks a table name given by the user: it must be a safe identifier and not paw's or SQLite's
   * own.
   *
   * @throws FileActionException saying why it is not acceptable
   */
  static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new FileActionException("a table name is required");
    }
    if (isInternal(name)) {
      throw new FileActionException(
          "table '"
              + name
              + "' is reserved: names starting with '"
              + SqlNames.INTERNAL_PREFIX
              + "' or 'sqlite_' belong to paw and SQLite");
    }
    String problem = SqlNames.problem(name);
    if (problem != null) {
      throw new FileActionException("table name '" + name + "' " + problem);
    }
    return name;
  }

  /**
   * The schema object type of {@code name} ({@code table}, {@code view}, ...), or {@code null} if
   * none.
   */
  static String typeOf(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT type FROM sqlite_schema WHERE name = ? COLLATE NOCASE AND type IN ('table', 'view')")) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static boolean exists(Connection connection, String table) throws SQLException {
    return "table".equals(typeOf(connection, table));
  }

  /** The table's name as stored in the schema (names match ignoring case). */
  static String storedName(Connection connection, String table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** A user table that must exist; the error names what does exist when it does not. */
  static String requireUserTable(Connection connection, String table) throws SQLException {
    checkName(table);
    String stored = storedName(connection, table);
    if (stored == null) {
      throw new FileActionException(
          "there is no table '"
              + table
              + "' in this pocket; tables: "
              + String.join(", ", userTables(connection)));
    }
    return stored;
  }

  /** The pocket's own tables: everything but paw's {@code _paw_*} and SQLite's {@code sqlite_*}. */
  static List<String> userTables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        if (!isInternal(rs.getString(1))) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }

  static List<Column> columns(Connection connection, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA table_info(" + SqlNames.quote(table) + ")")) {
      while (rs.next()) {
        columns.add(new Column(rs.getString("name"), rs.getString("type")));
      }
    }
    return columns;
  }

  static long rowCount(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + SqlNames.quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void create(
      Connection connection, String table, List<String> columns, List<ColumnFormat> formats)
      throws SQLException {
    StringBuilder ddl =
        new StringBuilder("CREATE TABLE ").append(SqlNames.quote(table)).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      ddl.append(i == 0 ? "" : ", ")
          .append(SqlNames.quote(columns.get(i)))
          .append(' ')
          .append(formats.get(i).sqlType());
    }
    execute(connection, ddl.append(')').toString());
  }

  static void drop(Connection connection, String table) throws SQLException {
    execute(connection, "DROP TABLE IF EXISTS " + SqlNames.quote(table));
  }

  /**
   * Renames a table without touching the rest of the schema. SQLite's modern rename re-checks every
   * view and trigger, and fails on a view of the table just dropped for a replace; the legacy
   * rename leaves them alone, so such a view reads the new table.
   */
  static void rename(Connection connection, String from, String to) throws SQLException {
    execute(connection, "PRAGMA legacy_alter_table = ON");
    try {
      execute(
          connection, "ALTER TABLE " + SqlNames.quote(from) + " RENAME TO " + SqlNames.quote(to));
    } finally {
      execute(connection, "PRAGMA legacy_alter_table = OFF");
    }
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
