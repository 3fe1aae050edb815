package dev.paw.runtime.internal.files;

import dev.paw.runtime.internal.LimitSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/**
 * Runs {@code query_table}: the user's SQL on a connection SQLite opened read-only, so any write is
 * refused by the database itself ({@code SQLITE_READONLY}) whatever the text looks like, and that
 * cannot attach another database. Results stop at {@code limit} rows, and the query at its time
 * limit. A result column that is a column of an imported table is rendered in its format ({@code
 * 1.50}, {@code true}).
 */
final class ReadOnlyQuery {

  static final int MAX_ROWS = 100_000;
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * SQLite virtual machine steps between looks at the clock: often enough to stop within
   * milliseconds.
   */
  private static final int STEPS_BETWEEN_CHECKS = 10_000;

  private final Duration timeout;

  /**
   * @param timeout the most time one query may run, reading its rows included
   */
  ReadOnlyQuery(Duration timeout) {
    this.timeout = timeout;
  }

  QueryResult run(ReadOnlyDatabase database, String sql, int limit) {
    if (sql == null || sql.isBlank()) {
      throw new FileActionException("query is empty");
    }
    TableInspector.checkLimit(limit, MAX_ROWS);
    try (Connection connection = database.open()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "PRAGMA query_only = 1"); // a second lock, for a connection opened some other way
      }
      // No other database file: ATTACH would read another pocket's pocket.db, and VACUUM INTO
      // (which attaches its
      // output) creates an empty file at any path before the read-only connection refuses to write
      // it.
      connection.unwrap(SQLiteConnection.class).setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
      Deadline deadline = new Deadline(System.nanoTime() + timeout.toNanos());
      // a recursive CTE that never ends, or a cross join of big tables, would otherwise run until
      // paw is killed
      ProgressHandler.setHandler(
          connection.unwrap(SQLiteConnection.class), STEPS_BETWEEN_CHECKS, deadline);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setMaxRows(limit + 1);
        if (!statement.execute()) {
          return new QueryResult(List.of(), List.of(), limit, false);
        }
        try (ResultSet rs = statement.getResultSet()) {
          return read(connection, rs, limit);
        }
      } catch (SQLException e) {
        if (deadline.passed) {
          throw new FileActionException(
              "query stopped after "
                  + timeout.toSeconds()
                  + " s, the time limit on one"
                  + " query (raise it with "
                  + LimitSettings.how(LimitSettings.QUERY_TIMEOUT)
                  + ")",
              e);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new FileActionException("query failed: " + e.getMessage(), e);
    }
  }

  /** Interrupts the query (SQLITE_INTERRUPT) once its time is up. */
  private static final class Deadline extends ProgressHandler {
    private final long at;
    private volatile boolean passed;

    Deadline(long at) {
      this.at = at;
    }

    @Override
    protected int progress() {
      passed = passed || System.nanoTime() - at > 0;
      return passed ? 1 : 0;
    }
  }

  private static QueryResult read(Connection connection, ResultSet rs, int limit)
      throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int width = meta.getColumnCount();
    List<String> columns = new ArrayList<>(width);
    ColumnFormat[] formats = new ColumnFormat[width];
    Map<String, Optional<TableLayout>> layouts = new HashMap<>();
    for (int i = 1; i <= width; i++) {
      columns.add(
          meta.getColumnLabel(
              i)); // sqlite-jdbc names the source table and column of plain column results
      formats[i - 1] =
          formatOf(
              connection,
              meta.getTableName(i),
              meta.getColumnName(i),
              meta.getColumnTypeName(i),
              layouts);
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == limit) {
        truncated = true;
        break;
      }
      Object[] row = new Object[width];
      for (int i = 0; i < width; i++) {
        row[i] = formats[i].json(rs, i + 1);
      }
      rows.add(Arrays.asList(row));
    }
    return new QueryResult(columns, rows, limit, truncated);
  }

  /**
   * The format of a result column taken straight from an imported table; plain values otherwise.
   * SQLite names the source table of such a column but not, once aliased, the source column: then
   * the declared type decides when all the table's columns of that type share one format.
   */
  private static ColumnFormat formatOf(
      Connection connection,
      String table,
      String column,
      String declaredType,
      Map<String, Optional<TableLayout>> layouts)
      throws SQLException {
    if (table == null || table.isEmpty() || column == null || Tables.isInternal(table)) {
      return ColumnFormat.NATIVE;
    }
    Optional<TableLayout> layout = layouts.get(table);
    if (layout == null) {
      layout =
          ImportCatalog.latest(connection, table).isPresent()
              ? Optional.of(ImportCatalog.layout(connection, table))
              : Optional.empty();
      layouts.put(table, layout);
    }
    if (layout.isEmpty()) {
      return ColumnFormat.NATIVE;
    }
    List<ColumnLayout> columns = layout.get().columns();
    // a name match is the source column only if its type agrees: 'SELECT amount AS paid' names
    // 'paid', the boolean
    // column, for what is the REAL column 'amount'
    Optional<ColumnFormat> byName =
        columns.stream()
            .filter(
                c ->
                    c.name().equalsIgnoreCase(column)
                        && c.declaredType().equalsIgnoreCase(declaredType))
            .findFirst()
            .map(ColumnLayout::format);
    if (byName.isPresent()) {
      return byName.get();
    }
    List<ColumnFormat> byType =
        columns.stream()
            .filter(c -> c.declaredType().equalsIgnoreCase(declaredType))
            .map(ColumnLayout::format)
            .distinct()
            .collect(Collectors.toList());
    return byType.size() == 1 ? byType.get(0) : ColumnFormat.NATIVE;
  }
}
