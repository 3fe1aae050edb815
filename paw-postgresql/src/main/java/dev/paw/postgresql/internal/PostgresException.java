package dev.paw.postgresql.internal;

import java.sql.SQLException;

/**
 * A PostgreSQL error as paw reports it: the action and the server's message with its SQLSTATE. The
 * driver's exception is not kept as the cause, so that nothing it carries (a URL, a property) can
 * reach a log or a trace; the driver never puts the password in its messages.
 */
public final class PostgresException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PostgresException(String action, SQLException e) {
    super(
        "postgresql "
            + action
            + ": "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip())
            + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"),
        null,
        false,
        false);
  }
}
