package dev.paw.dashboard.internal.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of one table: sorted by a column, filtered by a text every row's column (or one column)
 * contains. Names come from the pocket's own schema, never from the request: a request names a
 * table or column only by choosing one that exists.
 */
public final class TableBrowser {

  /** A page request as the page sends it; {@code sort} and {@code column} may be null. */
  public record PageRequest(
      String table,
      int page,
      int size,
      String sort,
      boolean descending,
      String filter,
      String column) {}

  /** The page, with the table's column declarations and how many rows match the filter. */
  public record Page(
      String table, List<Column> columns, long matching, int page, int size, QueryResult rows) {}

  /** A column and its declared type ({@code TEXT}, {@code INTEGER}, ... or empty). */
  public record Column(String name, String declaredType, boolean primaryKey) {}

  public static final int MAX_PAGE_SIZE = 500;

  private final QueryRunner runner;

  public TableBrowser(QueryRunner runner) {
    this.runner = runner;
  }

  /** The user tables of the pocket (paw's own {@code _paw_} tables and SQLite's are not shown). */
  public static List<String> tables(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                    + " AND name NOT LIKE '\\_paw\\_%' ESCAPE '\\' ORDER BY name")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  public static List<Column> columns(Connection connection, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
      while (rows.next()) {
        columns.add(
            new Column(rows.getString("name"), rows.getString("type"), rows.getInt("pk") > 0));
      }
    }
    return columns;
  }

  public Page page(Connection connection, PageRequest request) throws SQLException {
    if (!tables(connection).contains(request.table())) {
      throw new IllegalArgumentException("no table '" + request.table() + "' in this pocket");
    }
    List<Column> columns = columns(connection, request.table());
    List<String> names = columns.stream().map(Column::name).toList();
    String where = "";
    List<Object> parameters = new ArrayList<>();
    if (request.filter() != null && !request.filter().isEmpty()) {
      List<String> searched =
          request.column() == null || request.column().isEmpty()
              ? names
              : List.of(known(names, request.column()));
      List<String> conditions = new ArrayList<>();
      for (String name : searched) {
        conditions.add("CAST(" + quote(name) + " AS TEXT) LIKE ? ESCAPE '\\'");
        parameters.add("%" + escapeLike(request.filter()) + "%");
      }
      where = " WHERE " + String.join(" OR ", conditions);
    }
    String order = "";
    if (request.sort() != null && !request.sort().isEmpty()) {
      order =
          " ORDER BY "
              + quote(known(names, request.sort()))
              + (request.descending() ? " DESC" : " ASC")
              + " NULLS "
              + (request.descending() ? "FIRST" : "LAST");
    }
    int size = Math.max(1, Math.min(MAX_PAGE_SIZE, request.size()));
    int page = Math.max(0, request.page());
    String from = " FROM " + quote(request.table()) + where;
    long matching =
        ((Number)
                runner
                    .run(connection, "SELECT count(*)" + from, parameters.toArray())
                    .rows()
                    .get(0)
                    .get(0))
            .longValue();
    List<Object> pageParameters = new ArrayList<>(parameters);
    pageParameters.add(size);
    pageParameters.add((long) page * size);
    QueryResult rows =
        runner.run(
            connection, "SELECT *" + from + order + " LIMIT ? OFFSET ?", pageParameters.toArray());
    return new Page(request.table(), columns, matching, page, size, rows);
  }

  private static String known(List<String> names, String name) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException("no column '" + name + "' in this table");
    }
    return name;
  }

  /** An SQL identifier in double quotes. */
  public static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
