package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Request;

/**
 * Reads a stream one page at a time from a checkpoint the caller keeps, with the sync engine's
 * paging, parsing, page retries and incremental filter, but writing nothing: for hosts that store
 * rows and checkpoints elsewhere (the Kafka Connect source task keeps the checkpoint as its source
 * offset). Internal, for paw's own modules.
 *
 * <p>A stream with a change feed ({@code changes}, and no {@code each}) is read as the pocket sync
 * reads it: the first run lists everything and its checkpoint's cursor becomes the feed's position
 * (the time the listing started, or the start action's answer); later runs read the feed's pages
 * from that position (less the lookback), whose events become upserted rows and deleted rows in
 * event order. A position older than the feed's {@code retention}, or one the feed answers with an
 * {@code expired} code, starts over with a full listing. For a feed that lists the newest event
 * first, the first change a run sees for a key wins; the keys are kept in memory, so a run resumed
 * in another reader (a restarted task) starts again at the feed run's first page.
 */
public final class PageReader<R> implements AutoCloseable {

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final PageFetcher<R> fetcher;
  private final ChangeFeed<R> feed;
  private final Clock clock;

  /** The keys the feed run in progress has decided (newest-first feeds), or {@code null}. */
  private Set<List<Object>> seen;

  /** The checkpoint {@link #seen} is good for: the feed run's next page. */
  private Checkpoint seenBefore;

  public PageReader(SyncJob<R> job, Sleeper sleeper, SyncLimits limits) {
    this(job, Clock.systemUTC(), sleeper, limits);
  }

  public PageReader(SyncJob<R> job, Clock clock, Sleeper sleeper, SyncLimits limits) {
    this.job = job;
    this.stream = job.stream();
    this.clock = clock;
    this.feed =
        stream.changes() != null && stream.each() == null
            ? new ChangeFeed<>(job, sleeper, limits)
            : null;
    Pager pager = new Pager(job.source().pagination());
    List<String> fields = new ArrayList<>(pager.fieldPaths());
    if (usesToken()) {
      fields.add(stream.incremental().token());
    }
    String records = stream.records() != null ? stream.records() : job.source().records();
    this.fetcher =
        new PageFetcher<>(job, pager, new PageParser(records, fields), sleeper, limits.page());
  }

  /**
   * Where a stream stands: the cursor of its last complete run and, while a run is under way, the
   * run's filter, the highest cursor it has seen, where its next page starts and that page's
   * number.
   *
   * @param cursor the committed cursor or sync token (JSON text), or {@code null}
   * @param floor the cursor the run in progress filters from, or {@code null}
   * @param max the highest cursor the run has seen (JSON text), or {@code null}
   * @param position where the run's next page starts (JSON text), or {@code null} between runs
   * @param page the number of the run's next page (1 for its first)
   */
  public record Checkpoint(String cursor, String floor, String max, String position, int page) {

    public static final Checkpoint START = new Checkpoint(null, null, null, null, 1);

    public boolean inRun() {
      return position != null;
    }

    /** Checks the texts a host stored (or an operator typed) before a run relies on them. */
    public Checkpoint {
      if (page < 1) {
        throw new IllegalArgumentException("page must be at least 1, not " + page);
      }
      for (String json : new String[] {cursor, floor, max}) {
        if (json != null) {
          CursorValues.asParameter(json);
        }
      }
      if (position != null) {
        PagePosition.fromJson(position);
      }
    }
  }

  /**
   * One page read: its rows, which of them are deleted (a change feed's deletions, in page order
   * with the upserts), and the checkpoint after it ({@link Checkpoint#inRun()} false when the page
   * ended the run).
   */
  public record Page<R>(List<R> rows, List<Boolean> deletes, Checkpoint after) {

    public Page {
      if (deletes.size() != rows.size()) {
        throw new IllegalArgumentException("one delete flag per row");
      }
    }

    /** A listing's page: no row deleted. */
    public Page(List<R> rows, Checkpoint after) {
      this(rows, rows.stream().map(r -> Boolean.FALSE).toList(), after);
    }

    public boolean endsRun() {
      return !after.inRun();
    }

    /** True when row {@code i} was deleted at the source (its values are the last known ones). */
    public boolean deleted(int i) {
      return deletes.get(i);
    }
  }

  /** Reads the page the checkpoint points at; a checkpoint between runs starts a new run. */
  public Page<R> read(Checkpoint at) throws IOException {
    if (feed == null) {
      return readListing(at);
    }
    Checkpoint run = at;
    if (!at.inRun()) {
      Instant now = clock.instant();
      run =
          at.cursor() == null || FreshStart.tooOld(feed.spec(), at.cursor(), now)
              ? fullStart(now)
              : new Checkpoint(at.cursor(), at.cursor(), null, PagePosition.FIRST.toJson(), 1);
    }
    // a run with no floor is the full listing; its max is where the feed continues afterwards
    return run.floor() == null ? readListing(run) : readFeed(run);
  }

  /** A full listing's first checkpoint: it ends with the feed's position as of now. */
  private Checkpoint fullStart(Instant now) throws IOException {
    String position = new FreshStart<>(job, RunOptions.DEFAULTS).position(now);
    return new Checkpoint(null, null, position, PagePosition.FIRST.toJson(), 1);
  }

  private Page<R> readFeed(Checkpoint at) throws IOException {
    Checkpoint run = at;
    boolean newestFirst = feed.spec().newestFirst();
    if (newestFirst && run.page() > 1 && !run.equals(seenBefore)) {
      // the keys earlier pages decided are not known here: read the run again from its start
      run = new Checkpoint(run.cursor(), run.floor(), null, PagePosition.FIRST.toJson(), 1);
    }
    FetchedPage<JsonNode> page;
    try {
      page = feed.fetch(feed.base(run.floor()), PagePosition.fromJson(run.position()), run.page());
    } catch (SyncException e) {
      if (!feed.expired(e)) {
        throw e;
      }
      // the feed no longer has events from the stored position: list everything again
      seen = null;
      return readListing(fullStart(clock.instant()));
    }
    if (run.page() == 1) {
      seen = newestFirst ? new HashSet<>() : null;
    }
    List<R> rows = new ArrayList<>();
    List<Boolean> deletes = new ArrayList<>();
    List<JsonNode> events = page.parsed().rows();
    for (int i = 0; i < events.size(); i++) {
      String what = "event #" + (i + 1) + " on page " + run.page() + " of changes";
      for (ChangeEvents.Change change : feed.changes(events.get(i))) {
        R row = feed.row(change.object(), what);
        List<Object> key = job.mapper().key(row);
        if (key.stream().anyMatch(k -> k == null)) {
          throw new SyncException(what + " holds an object without its primary key");
        }
        if (seen != null && !seen.add(key)) {
          continue; // a newer event of this run has decided this row already
        }
        rows.add(row);
        deletes.add(change.delete());
      }
    }
    String max = CursorValues.maxOf(run.max(), page.parsed().cursors());
    Checkpoint after;
    if (page.next().isPresent()) {
      after =
          new Checkpoint(
              run.cursor(), run.floor(), max, page.next().get().toJson(), run.page() + 1);
      seenBefore = after;
    } else {
      after = new Checkpoint(feed.positionAfter(run.floor(), max, page), null, null, null, 1);
      seen = null;
      seenBefore = null;
    }
    return new Page<>(rows, deletes, after);
  }

  private Page<R> readListing(Checkpoint at) throws IOException {
    Checkpoint run =
        at.inRun()
            ? at
            : new Checkpoint(at.cursor(), at.cursor(), null, PagePosition.FIRST.toJson(), 1);
    FetchedPage<R> page;
    try {
      page = fetch(run);
    } catch (SyncException e) {
      if (!(usesToken() && run.floor() != null && e.status() == 410)) {
        throw e;
      }
      // the server no longer takes the sync token: list everything again
      run = new Checkpoint(null, null, null, PagePosition.FIRST.toJson(), 1);
      page = fetch(run);
    }
    String max = CursorValues.maxOf(run.max(), page.parsed().cursors());
    Checkpoint after;
    if (page.next().isPresent()) {
      after =
          new Checkpoint(
              run.cursor(), run.floor(), max, page.next().get().toJson(), run.page() + 1);
    } else {
      String cursor =
          usesToken()
              ? CursorValues.encode(page.parsed().fields().get(stream.incremental().token()))
              : CursorValues.max(run.cursor(), max);
      after = new Checkpoint(cursor, null, null, null, 1);
    }
    return new Page<>(page.parsed().rows(), after);
  }

  private FetchedPage<R> fetch(Checkpoint run) throws IOException {
    Request base =
        IncrementalFilter.applied(
            job.requests().request(job.source(), stream.params()), stream, run.floor());
    return fetcher.fetch(base, PagePosition.fromJson(run.position()), run.page());
  }

  private boolean usesToken() {
    return stream.incremental() != null && stream.incremental().usesToken();
  }

  @Override
  public void close() {
    fetcher.close();
    if (feed != null) {
      feed.close();
    }
  }
}
