package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.internal.LimitSettings;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;

/**
 * A run of a stream's change feed: pages through the events since the stored position and applies
 * each page with its checkpoint in one transaction ({@link ChangeCommit}). A cut-off run resumes at
 * its last committed page; the position moves only when the run completes.
 */
final class ChangesRun<R> implements AutoCloseable {

  /** How a run ended: its last committed state, and why it stopped early, if it did. */
  record Outcome(SyncState state, String error, boolean expired) {}

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final SyncLimits limits;
  private final ChangeFeed<R> feed;
  private final ChangeCommit<R> commits;
  private final ChildRequests<R> children;

  ChangesRun(
      SyncJob<R> job, SyncListener listener, Clock clock, Sleeper sleeper, SyncLimits limits) {
    this.job = job;
    this.stream = job.stream();
    this.limits = limits;
    this.feed = new ChangeFeed<>(job, sleeper, limits);
    this.commits = new ChangeCommit<>(job, feed, listener, clock);
    this.children = stream.each() == null ? null : new ChildRequests<>(job, sleeper);
  }

  /** Starts a run from the stored position: nothing applied yet. */
  void start() throws SQLException {
    commits.start();
  }

  Outcome run(SyncStateStore store, SyncState initial) {
    SyncState state = initial;
    int pagesThisRun = 0;
    try (TableWriter<R> writer =
        new TableWriter<>(job.connection(), stream, job.mapper(), stream.table())) {
      Request base = feed.base(state.runFloor());
      while (true) {
        int pageNumber = (int) state.runCounts().pages() + 1;
        FetchedPage<JsonNode> page;
        try {
          page = feed.fetch(base, state.run().position(), pageNumber);
        } catch (SyncException e) {
          if (feed.expired(e)) {
            return new Outcome(state, e.getMessage(), true);
          }
          throw e;
        }
        List<ChangeCommit.Applied<R>> changes = changes(page, pageNumber);
        state =
            commits.commit(
                store, writer, state, changes, page.parsed().size(), page.parsed().cursors(), page);
        pagesThisRun++;
        if (!state.inProgress()) {
          return new Outcome(state, null, false);
        }
        if (pagesThisRun >= limits.maxPages()) {
          return new Outcome(
              state,
              "stopped after "
                  + pagesThisRun
                  + " pages of changes, the limit on one sync run; the next sync resumes here"
                  + " (raise the limit with "
                  + LimitSettings.how(LimitSettings.MAX_PAGES)
                  + ")",
              false);
        }
      }
    } catch (IOException | SQLException | RuntimeException e) {
      return new Outcome(state, e.getMessage(), false);
    }
  }

  /** The page's changes as rows, in page order; a child request per upsert for an {@code each}. */
  private List<ChangeCommit.Applied<R>> changes(FetchedPage<JsonNode> page, int pageNumber)
      throws IOException {
    List<ChangeCommit.Applied<R>> out = new ArrayList<>();
    List<JsonNode> rows = page.parsed().rows();
    for (int i = 0; i < rows.size(); i++) {
      String what = "event #" + (i + 1) + " on page " + pageNumber + " of changes";
      for (ChangeEvents.Change change : feed.changes(rows.get(i))) {
        R row = feed.row(change.object(), what);
        if (job.mapper().key(row).stream().anyMatch(k -> k == null)) {
          throw new SyncException(what + " holds an object without its primary key");
        }
        if (children != null && !change.delete()) {
          row = child(change.object(), row, pageNumber);
          if (row == null) {
            continue; // gone since the event: a later event deletes it
          }
        }
        out.add(new ChangeCommit.Applied<>(change.delete(), row));
      }
    }
    return out;
  }

  /** The row the stream's {@code each} request gives for a changed object, or {@code null}. */
  private R child(JsonNode object, R listedRow, int pageNumber) throws IOException {
    dev.paw.runtime.mapping.RowMapper<Object[]> listed =
        ChildRequests.listedRecords(job.connector(), stream);
    Object[] record;
    try (com.fasterxml.jackson.core.JsonParser parser = object.traverse(ChangeEvents.JSON)) {
      parser.nextToken();
      record = listed.read(parser, new dev.paw.runtime.mapping.RecordContext());
    }
    ParsedPage<R> fetched =
        children.fetch(
            new ParsedPage<Object[]>(
                List.<Object[]>of(record), List.of(), null, java.util.Map.of(), true),
            pageNumber);
    return fetched.rows().isEmpty() ? null : fetched.rows().get(0);
  }

  @Override
  public void close() throws SQLException {
    try (commits) {
      feed.close();
      if (children != null) {
        children.close();
      }
    }
  }
}
