package dev.paw.postgresql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The two kinds of transaction the adapter runs: read-only, and the one execute_query runs. */
public final class Transactions {

  private Transactions() {}

  /** Work on an open transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a read-only transaction (a repeatable-read snapshot) whose statements stop
   * after {@code timeout}, then rolls it back: nothing it does can change the database.
   */
  public static <T> T readOnly(Connection connection, Duration timeout, Work<T> work)
      throws SQLException {
    return inTransaction(
        connection,
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        timeout,
        work,
        false);
  }

  /** Runs {@code work} in a read-write transaction with a statement timeout, and commits it. */
  public static <T> T readWrite(Connection connection, Duration timeout, Work<T> work)
      throws SQLException {
    return inTransaction(connection, null, timeout, work, true);
  }

  private static <T> T inTransaction(
      Connection connection, String mode, Duration timeout, Work<T> work, boolean commit)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      try (Statement statement = connection.createStatement()) {
        if (mode != null) {
          statement.execute(mode);
        }
        statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
      }
      T result = work.run(connection);
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }
}
