package dev.paw.runtime.pocket;

import dev.paw.runtime.internal.pocket.PocketConnections;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.internal.pocket.PocketInternals;
import dev.paw.runtime.internal.sync.SyncStatuses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * A named workspace: its own directory and its own {@code pocket.db}. A pocket opens only its own
 * file; it is obtained from {@link dev.paw.runtime.Paw#pocket} and has no way to name another
 * pocket. A host reads it (read-only connections, connections and sync status); only the runtime
 * writes it, so every change is trust-checked and audited.
 */
public final class Pocket {

  static {
    PocketInternals.install(new Internals());
  }

  private final String name;
  private final String slug;
  private final Path database;
  private final Path home;
  private final Clock clock;

  /**
   * @param home the paw home directory the pocket lives in, with every pocket, the credentials and
   *     the keys
   */
  private Pocket(String name, String slug, Path directory, Path home, Clock clock) {
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
   * A connection that cannot write: SQLite itself refuses every statement that would change the
   * database, whatever its text (for user queries such as the file connector's {@code
   * query_table}).
   */
  public Connection openReadOnlyConnection() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(PocketDatabase.BUSY_TIMEOUT_MILLIS);
    return config.createConnection("jdbc:sqlite:" + database);
  }

  /**
   * The pocket's connector connections ({@code _paw_connections}); connecting goes through a
   * connector.
   */
  public List<ConnectionRecord> connections() throws SQLException {
    return new PocketConnections(this).list();
  }

  /**
   * What the pocket knows about each synced table: its last run, and whether one is under way or
   * cut off.
   */
  public List<TableSyncStatus> syncStatus() throws SQLException {
    try (Connection connection =
        PocketDatabase.open(this)) { // the state table is created on first read
      return SyncStatuses.read(connection);
    }
  }

  /**
   * True when {@code path}, with {@code ..} and symbolic links resolved, is in the paw home
   * directory this pocket lives in: any pocket's database (this one's too), the credential files,
   * the master key. Actions that read or write a file their caller names refuse such paths, so that
   * nobody who may call them (at trust level {@code auto}, an agent) reaches another pocket or
   * paw's secrets through them.
   */
  public boolean isPawFile(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(absolute); hops++) {
      absolute =
          absolute.resolveSibling(
              Files.readSymbolicLink(absolute)); // a link to a file not there yet
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
   * Where the pocket's audit head (the newest audit row's sequence number and hash) is kept: in the
   * paw home's {@code audit} directory, outside the pocket's own directory, so that replacing or
   * restoring the pocket's directory does not roll it back too.
   */
  public Path auditHeadFile() {
    return home.resolve("audit").resolve(slug + ".head");
  }

  @Override
  public String toString() {
    return "Pocket{" + slug + "}";
  }

  /** The runtime's access to what a host does not see (see {@link PocketInternals}). */
  private static final class Internals extends PocketInternals {
    @Override
    public Pocket newPocket(String name, String slug, Path directory, Path home, Clock clock) {
      return new Pocket(name, slug, directory, home, clock);
    }

    @Override
    public Path database(Pocket pocket) {
      return pocket.database;
    }

    @Override
    public Clock clock(Pocket pocket) {
      return pocket.clock;
    }
  }

  /**
   * What the pocket knows about one synced table: its last run and whether a run is under way or
   * was cut off (and will resume).
   *
   * @param lastOutcome {@code ok} or {@code error}; {@code null} before the first run ended
   * @param lastRows rows inserted, updated or deleted by the last complete run
   * @param inProgress a run started and has not completed: running now, or cut off and resumable
   */
  public record TableSyncStatus(
      String table,
      String connector,
      Instant lastStartedAt,
      Instant lastFinishedAt,
      String lastOutcome,
      String lastError,
      long lastRecords,
      long lastRows,
      boolean inProgress) {}
}
