package dev.paw.dashboard.internal.data;

import dev.paw.runtime.pocket.Pocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells open pages when any process commits to their pocket. SQLite's {@code PRAGMA data_version}
 * changes on a connection whenever another connection (of any process) commits to the file; one
 * read-only connection per watched pocket asks it every {@code interval}, which reads a few bytes
 * of the WAL index and no table. Only pockets with an open page are watched: the last page to go
 * closes the connection.
 */
public final class ChangeWatcher implements AutoCloseable {

  private final Duration interval;
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "paw-dashboard-changes");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Watch> watches = new HashMap<>();

  public ChangeWatcher(Duration interval) {
    this.interval = interval;
  }

  /**
   * Calls {@code listener} after each commit to {@code pocket} until the returned handle closes.
   */
  public synchronized AutoCloseable subscribe(Pocket pocket, Runnable listener)
      throws SQLException {
    Watch watch = watches.get(pocket.slug());
    if (watch == null) {
      watch = new Watch(pocket.slug(), QueryRunner.open(pocket));
      watches.put(pocket.slug(), watch);
    }
    Watch subscribed = watch;
    subscribed.listeners.add(listener);
    return () -> unsubscribe(subscribed, listener);
  }

  /** How many pockets are watched now (a test's view of the idle cost). */
  public synchronized int watchedPockets() {
    return watches.size();
  }

  private synchronized void unsubscribe(Watch watch, Runnable listener) {
    watch.listeners.remove(listener);
    if (watch.listeners.isEmpty() && watches.remove(watch.slug) != null) {
      watch.close();
    }
  }

  @Override
  public synchronized void close() {
    poller.shutdown();
    watches.values().forEach(Watch::close);
    watches.clear();
  }

  private final class Watch {
    final String slug;
    final Connection connection;
    final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    final ScheduledFuture<?> task;
    long version;

    Watch(String slug, Connection connection) throws SQLException {
      this.slug = slug;
      this.connection = connection;
      this.version = dataVersion();
      long millis = interval.toMillis();
      this.task = poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    private long dataVersion() throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("PRAGMA data_version")) {
        rows.next();
        return rows.getLong(1);
      }
    }

    private void poll() {
      try {
        long now = dataVersion();
        if (now != version) {
          version = now;
          listeners.forEach(Runnable::run);
        }
      } catch (SQLException e) {
        // busy or locked for a moment: the next poll asks again
      }
    }

    /** Stops polling; the connection closes on the poller's thread, after any poll under way. */
    void close() {
      task.cancel(false);
      Runnable closing =
          () -> {
            try {
              connection.close();
            } catch (SQLException ignored) {
              // closing a read-only connection loses nothing
            }
          };
      if (poller.isShutdown()) {
        closing.run();
      } else {
        poller.execute(closing);
      }
    }
  }
}
