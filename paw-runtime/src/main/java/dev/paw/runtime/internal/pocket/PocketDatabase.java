package dev.paw.runtime.internal.pocket;

import dev.paw.runtime.pocket.Pocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Opens a pocket's database for writing: for the runtime only (a host gets read-only connections).
 */
public final class PocketDatabase {

  /** How long a connection waits for another writer before failing with SQLITE_BUSY. */
  public static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private PocketDatabase() {}

  /**
   * Opens a new connection to this pocket's database, configured for the runtime: WAL journal
   * (readers never block the writer), {@code synchronous=NORMAL} (durable at each checkpoint, fast
   * commits), a busy timeout, foreign keys enforced, and transactions that take the write lock when
   * they begin ({@code BEGIN IMMEDIATE}) so two writers queue instead of deadlocking on lock
   * upgrade. The driver's generated keys are off: left on, it runs a regex and prepares and runs
   * {@code SELECT last_insert_rowid()} after every INSERT, which doubled the cost of each row a
   * sync writes; nothing in paw reads them. The caller closes it.
   */
  public static Connection open(Pocket pocket) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setGetGeneratedKeys(false);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return DriverManager.getConnection(
        "jdbc:sqlite:" + PocketInternals.get().database(pocket), config.toProperties());
  }
}
