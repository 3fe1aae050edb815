package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.SyncListener.TableChange;
import dev.paw.runtime.mapping.JsonColumns;
import dev.paw.spec.ChangesSpec;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies one page of change events with the checkpoint after it, in one transaction: upserted
 * objects are written as a listing's rows are, deleted objects' rows are removed by primary key.
 * For a feed that lists the newest event first, the first change a run sees for a key wins; the
 * keys it has applied are kept beside the table (committed with each page) so that a resumed run
 * still knows them.
 */
final class ChangeCommit<R> implements AutoCloseable {

  /** One change, mapped to the stream's row. */
  record Applied<R>(boolean delete, R row) {}

  private final SyncJob<R> job;
  private final ChangeFeed<R> feed;
  private final StreamSpec stream;
  private final ChangesSpec spec;
  private final SyncListener listener;
  private final Clock clock;
  private final SeenKeys applied;
  private PreparedStatement delete;

  ChangeCommit(SyncJob<R> job, ChangeFeed<R> feed, SyncListener listener, Clock clock) {
    this.job = job;
    this.feed = feed;
    this.stream = job.stream();
    this.spec = stream.changes();
    this.listener = listener;
    this.clock = clock;
    this.applied = new SeenKeys(job.connection(), stream, "changed_");
  }

  /** Starts a run that has applied nothing yet. */
  void start() throws SQLException {
    if (spec.newestFirst()) {
      applied.reset();
    }
  }

  /** Writes the page's changes and the checkpoint after it, then tells the listener. */
  SyncState commit(
      SyncStateStore store,
      TableWriter<R> writer,
      SyncState state,
      List<Applied<R>> changes,
      long events,
      List<Object> cursors,
      FetchedPage<JsonNode> page)
      throws SQLException {
    Connection db = job.connection();
    db.setAutoCommit(false);
    SyncState next;
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    List<Object> changedKeys = new ArrayList<>();
    List<Object> deletedKeys = new ArrayList<>();
    try {
      for (Applied<R> change : changes) {
        Object key = writer.key(change.row());
        if (spec.newestFirst() && !applied.markNew(key)) {
          continue; // a newer event of this run has decided this row already
        }
        if (change.delete()) {
          if (delete(key) > 0) {
            deletedKeys.add(key);
          }
          continue;
        }
        TableWriter.PageWrite written = writer.write(List.of(change.row()));
        inserted += written.inserted();
        updated += written.updated();
        unchanged += written.unchanged();
        changedKeys.addAll(written.changedKeys());
      }
      for (Object key : DeletedValues.deleteIn(db, stream)) {
        deletedKeys.add(key);
      }
      changedKeys = new ArrayList<>(PageCommit.changedOnly(changedKeys, deletedKeys));
      SyncState.Run run = state.run();
      String runMax = CursorValues.maxOf(run.max(), cursors);
      SyncCounts counts =
          run.counts()
              .plus(SyncCounts.page(inserted, updated, unchanged, events))
              .plusDeleted(deletedKeys.size());
      if (page.next().isPresent()) {
        next = state.withRun(run.at(page.next().get(), runMax, counts));
      } else {
        String position = feed.positionAfter(run.floor(), runMax, page);
        if (spec.newestFirst()) {
          applied.drop();
        }
        next =
            state
                .withCursor(position)
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
    try {
      listener.onChange(
          new TableChange(
              job.pocket(),
              job.connector().name(),
              stream.table(),
              events,
              inserted,
              updated,
              deletedKeys.size(),
              changedKeys,
              !next.inProgress(),
              deletedKeys));
    } catch (RuntimeException e) {
      System.getLogger(ChangeCommit.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "a sync listener failed on " + stream.table() + ": " + e);
    }
    return next;
  }

  private int delete(Object key) throws SQLException {
    if (delete == null) {
      String where =
          stream.primaryKey().stream()
              .map(k -> SqlNames.quote(k) + " IS ?")
              .collect(Collectors.joining(" AND "));
      delete =
          job.connection()
              .prepareStatement(
                  "DELETE FROM " + SqlNames.quote(stream.table()) + " WHERE " + where);
    }
    List<?> parts = key instanceof List<?> list ? list : List.of(key);
    for (int i = 0; i < parts.size(); i++) {
      JsonColumns.bind(delete, i + 1, parts.get(i));
    }
    return delete.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    try (applied) {
      if (delete != null) {
        delete.close();
      }
    }
  }
}
