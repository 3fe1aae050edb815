package dev.paw.runtime.internal.sync;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.internal.LimitSettings;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.WriteMode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;

/** One run of one table's sync; see {@link SyncEngine}. */
final class SyncRun<R> {

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final ActionSpec source;
  private final Clock clock;
  private final Pager pager;
  private final SeenKeys seen;
  private final PageParser parser;
  private final PageFetcher<R> fetcher;
  private final SyncLimits limits;
  private final PageCommit<R> commits;
  private final SyncListener listener;
  private final Sleeper sleeper;
  private final FreshStart<R> fresh;

  /**
   * Whether this run, a full one of a merging stream, removes at its end what it did not list: a
   * stream with a change feed or a due full refresh, or a run asked to be full.
   */
  private boolean sweepFull;

  SyncRun(
      SyncJob<R> job,
      SyncListener listener,
      Clock clock,
      Sleeper sleeper,
      SyncLimits limits,
      RunOptions options) {
    this.listener = listener;
    this.sleeper = sleeper;
    this.fresh = new FreshStart<>(job, options);
    this.job = job;
    this.stream = job.stream();
    this.source = job.source();
    this.clock = clock;
    this.pager = new Pager(source.pagination());
    String records = stream.records() != null ? stream.records() : source.records();
    this.seen = new SeenKeys(job.connection(), stream);
    List<String> fields = new ArrayList<>(pager.fieldPaths());
    if (usesToken()) {
      fields.add(stream.incremental().token());
    }
    this.parser = new PageParser(records, fields);
    this.fetcher = new PageFetcher<>(job, pager, parser, sleeper, limits.page());
    this.limits = limits;
    this.commits = new PageCommit<>(job, seen, listener, clock, this::sweeps);
  }

  /** True when the stream's incremental runs send a sync token rather than a record cursor. */
  private boolean usesToken() {
    return stream.incremental() != null && stream.incremental().usesToken();
  }

  /**
   * True when the run removes, at its end, the rows the source no longer has: a {@code replace}
   * stream's every run, and a merging token stream's full run (sent no token), whose listing is the
   * whole truth. An {@code append} stream keeps its history whatever the source lists.
   */
  private boolean sweeps(SyncState state) {
    return stream.writeMode() == WriteMode.REPLACE
        || (usesToken() || sweepFull)
            && state.runFloor() == null
            && stream.writeMode() == WriteMode.MERGE;
  }

  SyncResult run() {
    Instant started = clock.instant();
    Connection db = job.connection();
    SyncState state;
    try (SyncStateStore store = new SyncStateStore(db);
        seen;
        fetcher) {
      db.setAutoCommit(true);
      TableWriter.create(db, stream, stream.table());
      state = start(store.load(job.connector().name(), stream.table()), started);
      store.save(state);
      if (stream.changes() != null && state.runFloor() != null) {
        try (ChangesRun<R> changes = new ChangesRun<>(job, listener, clock, sleeper, limits)) {
          if (state.runCounts().pages() == 0) {
            changes.start();
          }
          ChangesRun.Outcome outcome = changes.run(store, state);
          state = outcome.state();
          if (!outcome.expired()) {
            return outcome.error() == null
                ? result(state, started, !state.inProgress(), null)
                : fail(store, state, started, outcome.error());
          }
        }
        state = inFull(store, state, fresh.position(started), "the change position");
      }
      return loop(store, state, started);
    } catch (IOException | SQLException | RuntimeException e) {
      return SyncResult.failed(
          stream.table(),
          Duration.between(started, clock.instant()),
          job.redactor()
              .apply("sync of " + stream.table() + " could not start: " + e.getMessage()));
    }
  }

  /**
   * A fresh run from the committed cursor, or the interrupted run as it was ({@link FreshStart}
   * applies {@code --reset} and {@code --full} first).
   */
  private SyncState start(SyncState stored, Instant now) throws IOException, SQLException {
    SyncState previous = fresh.asked(stored);
    if (previous.inProgress()) {
      boolean recorded = seen.exists();
      sweepFull = previous.runFloor() == null && recorded;
      if (!sweeps(previous) || recorded) {
        return previous.withLast(previous.last().started(now));
      }
    }
    // else a fresh run; also when an interrupted run must now sweep but has no record of what it
    // saw (the connector file changed its write mode in between)
    FreshStart.Fresh started = fresh.start(previous, now);
    sweepFull = started.sweepsFull();
    if (sweeps(started.state())) {
      seen.reset();
    }
    return started.state();
  }

  /**
   * The run starts over as a full listing, after which the rows it did not list are removed: the
   * server no longer accepts its sync token (Google answers 410 Gone), or its change feed's
   * position expired ({@code startMax} is then where the feed continues afterwards).
   */
  private SyncState inFull(SyncStateStore store, SyncState state, String startMax, String why)
      throws SQLException {
    sweepFull = true;
    SyncState full = state.withCursor(null).withRun(state.run().restartedInFull(startMax));
    seen.reset();
    store.save(full);
    System.getLogger(SyncRun.class.getName())
        .log(System.Logger.Level.INFO, () -> why + " of " + stream.table() + " expired: in full");
    return full;
  }

  /**
   * True when the server refused the run's sync token as expired, so a full run must replace the
   * token run.
   */
  private boolean tokenExpired(IOException failure, SyncState state) {
    return usesToken()
        && state.runFloor() != null
        && failure instanceof SyncException e
        && e.status() == 410;
  }

  private SyncResult loop(SyncStateStore store, SyncState initial, Instant started)
      throws SQLException {
    SyncState state = initial;
    Request base;
    try {
      base = IncrementalFilter.firstRequest(job, source, state.runFloor());
    } catch (IOException | RuntimeException e) {
      return fail(store, state, started, e.getMessage());
    }
    Optional<Integer> cap = Optional.ofNullable(stream.maxPages()).or(pager::maxPages);
    if (cap.isPresent() && cap.get() <= 0) {
      return result(state, started, false, null);
    }
    int pagesThisRun = 0;
    try (TableWriter<R> writer =
            new TableWriter<>(job.connection(), stream, job.mapper(), stream.table());
        Lookahead<R> lookahead = new Lookahead<>()) {
      RepeatedPageCheck<R> repeats =
          new RepeatedPageCheck<>(stream.primaryKey().isEmpty() ? this::values : writer::key);
      lookahead.start(fetchFrom(base), state.run().position(), pageAfter(state), pagesLeft(cap, 0));
      while (true) {
        FetchedPage<R> page;
        try {
          page = lookahead.take();
        } catch (IOException e) {
          if (!tokenExpired(e, state)) {
            return fail(store, state, started, e.getMessage());
          }
          state = inFull(store, state, null, "the sync token");
          try {
            base = IncrementalFilter.firstRequest(job, source, state.runFloor());
          } catch (IOException | RuntimeException again) {
            return fail(store, state, started, again.getMessage());
          }
          lookahead.start(
              fetchFrom(base),
              state.run().position(),
              pageAfter(state),
              pagesLeft(cap, pagesThisRun));
          continue;
        }
        if (!page.parsed().recordsFound() && sweeps(state)) {
          // an answer without its records field ends a run as its empty last page; this run would
          // then remove
          // every row after it, so a mere error answered with 200 must not pass for one
          return fail(
              store,
              state,
              started,
              parser.noRecords(pageAfter(state))
                  + ", and this run removes what the source no longer lists");
        }
        try {
          repeats.check(page.parsed().rows(), pageAfter(state));
        } catch (SyncException e) {
          return fail(store, state, started, e.getMessage());
        }
        pagesThisRun++;
        boolean capped = cap.isPresent() && pagesThisRun >= cap.get();
        boolean atRuntimeCap = pagesThisRun >= limits.maxPages();
        state = commits.commit(store, writer, state, page);
        if (!state.inProgress()) {
          return result(state, started, true, null);
        }
        if (capped) {
          return result(state, started, false, null);
        }
        if (atRuntimeCap) {
          // not the connector's own cap: a server that never stops paging; the next run resumes
          // here
          return fail(
              store,
              state,
              started,
              "stopped after "
                  + pagesThisRun
                  + " pages, the limit on one sync run;"
                  + " the next sync resumes here (raise the limit with "
                  + LimitSettings.how(LimitSettings.MAX_PAGES)
                  + ")");
        }
      }
    } catch (SQLException | RuntimeException e) {
      // a commit that failed (rolled back whole: the disk is full, the database busy) or a page
      // that failed
      // unexpectedly: the run stops at its last commit and says why, in _paw_sync_state too
      return fail(store, state, started, e.getMessage());
    }
  }

  /**
   * All of a row's mapped values: what identifies a record of a stream without a primary key. A
   * generated mapper's row is a record, equal to another with the same values; a mapper built from
   * the file has an array of them.
   */
  private Object values(R row) {
    return row instanceof Object[] values ? Arrays.asList(values) : row;
  }

  private Lookahead.Fetch<R> fetchFrom(Request base) {
    return (position, pageNumber) -> fetcher.fetch(base, position, pageNumber);
  }

  /**
   * How many more pages this run may read: the stream's cap and the runtime's, whichever is less.
   */
  private int pagesLeft(Optional<Integer> cap, int pagesThisRun) {
    return Math.min(cap.orElse(Integer.MAX_VALUE), limits.maxPages()) - pagesThisRun;
  }

  private SyncResult fail(SyncStateStore store, SyncState state, Instant started, String reason) {
    String error =
        job.redactor().apply(reason); // stored in _paw_sync_state: no credential value may reach it
    SyncState failed = state.withLast(state.last().failed(clock.instant(), error));
    try {
      job.connection().setAutoCommit(true);
      store.save(failed);
    } catch (SQLException e) {
      error = error + " (and the failure could not be recorded: " + e.getMessage() + ")";
    }
    return result(failed, started, false, error);
  }

  private SyncResult result(SyncState state, Instant started, boolean complete, String error) {
    SyncCounts counts = complete ? state.last().counts() : state.runCounts();
    return counts.result(
        stream.table(), Duration.between(started, clock.instant()), complete, error);
  }

  /** The number of the page the run fetches next. */
  private static int pageAfter(SyncState state) {
    return (int) state.runCounts().pages() + 1;
  }
}
