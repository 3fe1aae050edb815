package dev.paw.dashboard.internal.data;

import dev.paw.runtime.pocket.Pocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one query on a read-only connection (SQLite refuses every write on it, and {@code
 * query_only} too), interrupted after a time limit and cut at a row limit.
 */
public final class QueryRunner implements AutoCloseable {

  private final Duration timeLimit;
  private final int rowLimit;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "paw-dashboard-query-timer");
            thread.setDaemon(true);
            return thread;
          });

  public QueryRunner(Duration timeLimit, int rowLimit) {
    this.timeLimit = timeLimit;
    this.rowLimit = rowLimit;
  }

  /** A read-only connection to the pocket, also {@code query_only}. */
  public static Connection open(Pocket pocket) throws SQLException {
    Connection connection = pocket.openReadOnlyConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA query_only = 1");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /** Runs {@code sql} with {@code parameters}; a query cut off by the time limit fails. */
  public QueryResult run(Pocket pocket, String sql, Object... parameters) throws SQLException {
    try (Connection connection = open(pocket)) {
      return run(connection, sql, parameters);
    }
  }

  public QueryResult run(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      ScheduledFuture<?> interrupt =
          timer.schedule(() -> cancel(statement), timeLimit.toMillis(), TimeUnit.MILLISECONDS);
      try (ResultSet rows = statement.executeQuery()) {
        return read(rows);
      } catch (SQLException e) {
        if (interrupt.isDone()) {
          throw new SQLException(
              "the query ran longer than " + timeLimit.toMillis() + " ms and was stopped", e);
        }
        throw e;
      } finally {
        interrupt.cancel(false);
      }
    }
  }

  private QueryResult read(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int width = meta.getColumnCount();
    List<String> columns = new ArrayList<>();
    String[] types = new String[width];
    for (int c = 1; c <= width; c++) {
      columns.add(meta.getColumnLabel(c));
    }
    List<List<Object>> out = new ArrayList<>();
    boolean truncated = false;
    while (rows.next()) {
      if (out.size() == rowLimit) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>(width);
      for (int c = 1; c <= width; c++) {
        Object value = cell(rows, c);
        if (value != null && types[c - 1] == null) {
          types[c - 1] = storageClass(value);
        }
        row.add(value);
      }
      out.add(row);
    }
    for (int c = 1; c <= width; c++) {
      if (types[c - 1] == null) {
        String declared = meta.getColumnTypeName(c);
        types[c - 1] = declared == null || declared.isBlank() ? null : declared.toLowerCase();
      }
    }
    return new QueryResult(columns, Arrays.asList(types), out, truncated);
  }

  /** The value as SQLite stores it: INTEGER as Long, REAL as Double, TEXT, BLOB, NULL. */
  private static Object cell(ResultSet rows, int column) throws SQLException {
    Object value = rows.getObject(column);
    if (value == null) {
      return null;
    }
    int type = rows.getMetaData().getColumnType(column);
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (type == Types.BLOB && !(value instanceof byte[])) {
      return rows.getBytes(column);
    }
    return value;
  }

  private static String storageClass(Object value) {
    if (value instanceof Long) {
      return "integer";
    }
    if (value instanceof Double) {
      return "real";
    }
    if (value instanceof byte[]) {
      return "blob";
    }
    return "text";
  }

  private static void cancel(Statement statement) {
    try {
      statement.cancel(); // sqlite3_interrupt: the running step fails with SQLITE_INTERRUPT
    } catch (SQLException ignored) {
      // the statement finished and closed meanwhile
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
