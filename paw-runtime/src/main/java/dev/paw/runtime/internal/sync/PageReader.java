package dev.paw.runtime.internal.sync;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;

/**
 * Reads a stream one page at a time from a checkpoint the caller keeps, with the sync engine's
 * paging, parsing, page retries and incremental filter, but writing nothing: for hosts that store
 * rows and checkpoints elsewhere (the Kafka Connect source task keeps the checkpoint as its source
 * offset). Internal, for paw's own modules.
 */
public final class PageReader<R> implements AutoCloseable {

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final PageFetcher<R> fetcher;

  public PageReader(SyncJob<R> job, Sleeper sleeper, SyncLimits limits) {
    this.job = job;
    this.stream = job.stream();
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
   * One page read: its rows, and the checkpoint after it ({@link Checkpoint#inRun()} false when the
   * page ended the run).
   */
  public record Page<R>(List<R> rows, Checkpoint after) {
    public boolean endsRun() {
      return !after.inRun();
    }
  }

  /** Reads the page the checkpoint points at; a checkpoint between runs starts a new run. */
  public Page<R> read(Checkpoint at) throws IOException {
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
  }
}
