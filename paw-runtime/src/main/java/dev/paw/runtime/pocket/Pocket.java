package dev.paw.runtime.pocket;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import org.sqlite.SQLiteConfig;

/**
 * A named workspace: its own directory and its own {@code pocket.db}. A pocket opens only its own file; it is
 * obtained from {@link Pockets} and has no way to name another pocket.
 */
public final class Pocket {

  /** How long a connection waits for another writer before failing with SQLITE_BUSY. */
  static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private final String name;
  private final String slug;
  private final Path database;
  private final Clock clock;

  Pocket(String name, String slug, Path directory, Clock clock) {
    this.name = name;
    this.slug = slug;
    this.database = directory.resolve("pocket.db");
    this.clock = clock;
  }

  /** The display name the pocket was created with ("My Business"). */
  public String name() {
    return name;
  }

  /** The slug that identifies the pocket ({@code my-business}). */
  public String slug() {
    return slug;
  }

  /**
   * Opens a new connection to this pocket's database, configured for the runtime: WAL journal (readers never block
   * the writer), {@code synchronous=NORMAL} (durable at each checkpoint, fast commits), a busy timeout, foreign keys
   * enforced, and transactions that take the write lock when they begin ({@code BEGIN IMMEDIATE}) so two writers
   * queue instead of deadlocking on lock upgrade. The driver's generated keys are off: left on, it runs a regex and
   * prepares and runs {@code SELECT last_insert_rowid()} after every INSERT, which doubled the cost of each row a sync
   * writes; nothing in paw reads them. The caller closes it.
   */
  public Connection openConnection() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setGetGeneratedKeys(false);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
  }

  /**
   * A connection that cannot write: SQLite itself refuses every statement that would change the database, whatever
   * its text (for user queries such as the file connector's {@code query_table}).
   */
  public Connection openReadOnlyConnection() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config.createConnection("jdbc:sqlite:" + database);
  }

  /** The pocket's connector connections ({@code _paw_connections}). */
  public PocketConnections connections() {
    return new PocketConnections(this, clock);
  }

  /** The file, for diagnostics and for the runtime's own tests; no API accepts a path back. */
  Path database() {
    return database;
  }

  @Override
  public String toString() {
    return "Pocket{" + slug + "}";
  }
}
