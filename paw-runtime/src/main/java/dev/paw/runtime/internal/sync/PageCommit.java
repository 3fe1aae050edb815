package dev.paw.runtime.internal.sync;

import dev.paw.runtime.SyncListener;
import dev.paw.runtime.SyncListener.TableChange;
import dev.paw.spec.StreamSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Commits one fetched page of a sync run: its rows, the keys a sweeping run has seen and the
 * checkpoint after it, in one transaction; the last page also sweeps, moves the cursor and records
 * the run as complete. The listener hears of each commit.
 */
final class PageCommit<R> {

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final SeenKeys seen;
  private final SyncListener listener;
  private final Clock clock;
  private final Predicate<SyncState> sweeps;

  /**
   * @param sweeps whether a run removes, at its end, the rows the source no longer lists
   */
  PageCommit(
      SyncJob<R> job,
      SeenKeys seen,
      SyncListener listener,
      Clock clock,
      Predicate<SyncState> sweeps) {
    this.job = job;
    this.stream = job.stream();
    this.seen = seen;
    this.listener = listener;
    this.clock = clock;
    this.sweeps = sweeps;
  }

  /**
   * Writes a page's rows and the checkpoint after it in one transaction, then tells the listener.
   */
  SyncState commit(
      SyncStateStore store, TableWriter<R> writer, SyncState state, FetchedPage<R> page)
      throws SQLException {
    Connection db = job.connection();
    db.setAutoCommit(false);
    SyncState next;
    TableWriter.PageWrite written;
    long deleted = 0;
    List<Object> deletedKeys;
    try {
      written = writer.write(page.parsed().rows());
      deletedKeys = DeletedValues.deleteIn(db, stream);
      deleted = deletedKeys.size();
      if (sweeps.test(state)) {
        seen.mark(keys(writer, page.parsed().rows()));
      }
      SyncState.Run run = state.run();
      String runMax = CursorValues.maxOf(run.max(), page.parsed().cursors());
      SyncCounts counts =
          run.counts()
              .plus(
                  SyncCounts.page(
                      written.inserted(),
                      written.updated(),
                      written.unchanged(),
                      page.parsed().size()))
              .plusDeleted(deleted);
      if (page.next().isPresent()) {
        next = state.withRun(run.at(page.next().get(), runMax, counts));
      } else {
        if (sweeps.test(state)) {
          long swept = seen.sweep();
          deleted += swept;
          counts = counts.plusDeleted(swept);
          FullRuns.completed(db, stream.table(), clock.instant());
        }
        String cursor =
            stream.incremental() != null && stream.incremental().usesToken()
                ? CursorValues.encode(page.parsed().fields().get(stream.incremental().token()))
                : CursorValues.max(state.cursor(), runMax);
        next =
            state
                .withCursor(cursor)
                .withRun(null)
                .withLast(state.last().completed(clock.instant(), counts));
      }
      store.save(next);
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
    notifyListener(
        new TableChange(
            job.pocket(),
            job.connector().name(),
            stream.table(),
            page.parsed().size(),
            written.inserted(),
            written.updated(),
            deleted,
            changedOnly(written.changedKeys(), deletedKeys),
            !next.inProgress(),
            deletedKeys));
    SyncCounts total = next.inProgress() ? next.runCounts() : next.last().counts();
    notifyProgress(
        new SyncListener.Progress(
            job.pocket(),
            job.connector().name(),
            stream.table(),
            total.records(),
            total.pages(),
            -1,
            -1,
            !next.inProgress()));
    return next;
  }

  /** The keys written and not deleted again in the same commit. */
  static List<Object> changedOnly(List<Object> changed, List<Object> deleted) {
    if (deleted.isEmpty()) {
      return changed;
    }
    java.util.Set<Object> gone = new java.util.HashSet<>(deleted);
    return changed.stream().filter(k -> !gone.contains(k)).toList();
  }

  private List<Object> keys(TableWriter<R> writer, List<R> rows) {
    List<Object> keys = new ArrayList<>(rows.size());
    for (R row : rows) {
      keys.add(writer.key(row));
    }
    return keys;
  }

  private void notifyProgress(SyncListener.Progress progress) {
    try {
      listener.onProgress(progress);
    } catch (RuntimeException e) {
      System.getLogger(PageCommit.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "a sync listener failed on " + progress.table() + ": " + e);
    }
  }

  private void notifyListener(TableChange change) {
    try {
      listener.onChange(change);
    } catch (RuntimeException e) {
      System.getLogger(PageCommit.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "a sync listener failed on " + change.table() + ": " + e);
    }
  }
}
