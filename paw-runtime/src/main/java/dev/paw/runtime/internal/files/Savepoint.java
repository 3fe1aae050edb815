package dev.paw.runtime.internal.files;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A named SQLite savepoint: outside a transaction it is one (released means committed); inside the
 * caller's transaction it nests, and the caller's commit decides. Closing without {@link
 * #release()} undoes everything done since it was set.
 */
final class Savepoint implements AutoCloseable {

  private final Connection connection;
  private final String name;
  private boolean open = true;

  private Savepoint(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
  }

  static Savepoint set(Connection connection, String name) throws SQLException {
    Tables.execute(connection, "SAVEPOINT " + name);
    return new Savepoint(connection, name);
  }

  /** Undoes everything since the savepoint was set, keeping it set. */
  void rollback() throws SQLException {
    Tables.execute(connection, "ROLLBACK TO " + name);
  }

  /** Keeps the work done since the savepoint was set. */
  void release() throws SQLException {
    Tables.execute(connection, "RELEASE " + name);
    open = false;
  }

  @Override
  public void close() throws SQLException {
    if (open) {
      open = false;
      rollback();
      Tables.execute(connection, "RELEASE " + name);
    }
  }
}
