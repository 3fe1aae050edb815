package dev.paw.runtime.pocket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
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
  private final Path home;
  private final Clock clock;

  /** @param home the paw home directory the pocket lives in, with every pocket, the credentials and the keys */
  Pocket(String name, String slug, Path directory, Path home, Clock clock) {
    this.name = name;
    this.slug = slug;
    this.database = directory.resolve("pocket.db");
    this.home = home;
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

  /**
   * True when {@code path}, with {@code ..} and symbolic links resolved, is in the paw home directory this pocket
   * lives in: any pocket's database (this one's too), the credential files, the master key. Actions that read or
   * write a file their caller names refuse such paths, so that nobody who may call them (at trust level
   * {@code auto}, an agent) reaches another pocket or paw's secrets through them.
   */
  public boolean isPawFile(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(absolute); hops++) {
      absolute = absolute.resolveSibling(Files.readSymbolicLink(absolute)); // a link to a file not there yet
    }
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return false;
    }
    Path resolved = existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    Path root = Files.exists(home) ? home.toRealPath() : home.toAbsolutePath().normalize();
    return resolved.startsWith(root);
  }

  /**
   * Claims the right to sync {@code table} of this pocket, across processes, until the returned lock is closed; empty
   * when another process is syncing it (see {@link SyncLock}).
   */
  public Optional<SyncLock> tryLockSync(String table) throws IOException {
    return SyncLock.tryAcquire(database.getParent(), table);
  }

  /**
   * Where the pocket's audit head (the newest audit row's sequence number and hash) is kept: in the paw home's
   * {@code audit} directory, outside the pocket's own directory, so that replacing or restoring the pocket's
   * directory does not roll it back too.
   */
  public Path auditHeadFile() {
    return home.resolve("audit").resolve(slug + ".head");
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
