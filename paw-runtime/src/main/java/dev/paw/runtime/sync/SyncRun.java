package dev.paw.runtime.sync;

import dev.paw.runtime.SyncListener;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.TableChange;
import dev.paw.runtime.http.Sleeper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.WriteMode;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** One run of one table's sync; see {@link SyncEngine}. */
final class SyncRun<R> {

  private static final int ERROR_BODY_CHARS = 300;

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final ActionSpec source;
  private final SyncListener listener;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Pager pager;
  private final PageParser parser;
  private final String seenTable;

  SyncRun(SyncJob<R> job, SyncListener listener, Clock clock, Sleeper sleeper) {
    this.job = job;
    this.stream = job.stream();
    this.source = job.source();
    this.listener = listener;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pager = new Pager(source.pagination());
    String records = stream.records() != null ? stream.records() : source.records();
    this.parser = new PageParser(records, pager.fieldPaths());
    this.seenTable = SqlNames.INTERNAL_PREFIX + "seen_" + stream.table();
  }

  SyncResult run() {
    Instant started = clock.instant();
    Connection db = job.connection();
    SyncState state;
    try {
      db.setAutoCommit(true);
      SyncStateStore store = new SyncStateStore(db);
      TableWriter.create(db, stream, stream.table());
      state = start(store.load(job.connector().name(), stream.table()), started);
      store.save(state);
      return loop(store, state, started);
    } catch (SQLException | RuntimeException e) {
      return new SyncResult(stream.table(), 0, 0, 0, 0, 0, 0, Duration.between(started, clock.instant()), false,
          job.redactor().apply("sync of " + stream.table() + " could not start: " + e.getMessage()));
    }
  }

  /** A fresh run from the committed cursor, or the interrupted run as it was. */
  private SyncState start(SyncState previous, Instant now) throws SQLException {
    if (previous.inProgress()) {
      return withLast(previous, now, previous.lastFinishedAt(), previous.lastOutcome(), previous.lastError(),
          previous.last());
    }
    if (stream.writeMode() == WriteMode.REPLACE) {
      try (Statement statement = job.connection().createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + SqlNames.quote(seenTable));
        statement.execute("CREATE TABLE " + SqlNames.quote(seenTable) + " (" + keyColumns()
            + ", PRIMARY KEY (" + keyColumns() + "))");
      }
    }
    return new SyncState(job.connector().name(), stream.table(), previous.cursor(), UUID.randomUUID().toString(),
        previous.cursor(), null, PagePosition.FIRST, SyncState.Counts.ZERO, now, previous.lastFinishedAt(),
        previous.lastOutcome(), previous.lastError(), previous.last());
  }

  private SyncResult loop(SyncStateStore store, SyncState initial, Instant started) throws SQLException {
    SyncState state = initial;
    Request base;
    try {
      base = withIncrementalFilter(job.requests().request(source, stream.params()), state);
    } catch (IOException | RuntimeException e) {
      return fail(store, state, started, e.getMessage());
    }
    int pagesThisRun = 0;
    try (TableWriter<R> writer = new TableWriter<>(job.connection(), stream, job.mapper(), stream.table())) {
      while (true) {
        Optional<Integer> cap = Optional.ofNullable(stream.maxPages()).or(pager::maxPages);
        if (cap.isPresent() && pagesThisRun >= cap.get()) {
          return result(state, started, false, null);
        }
        int pageNumber = (int) state.run().pages() + 1;
        Page<R> page;
        try {
          page = fetch(base, state.position(), pageNumber);
        } catch (IOException e) {
          return fail(store, state, started, e.getMessage());
        }
        state = commit(store, writer, state, page);
        pagesThisRun++;
        if (!state.inProgress()) {
          return result(state, started, true, null);
        }
      }
    }
  }

  /** A page as parsed, with where the next one starts. */
  private record Page<R>(ParsedPage<R> parsed, Optional<PagePosition> next) {}

  /** Fetches and parses one page, trying again when the transport fails or the body is cut short. */
  private Page<R> fetch(Request base, PagePosition position, int pageNumber) throws IOException {
    Request request = pager.request(base, position);
    for (int attempt = 1; ; attempt++) {
      try (Response response = job.client().newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new SyncException(request.method() + " " + redacted(request) + " answered " + response.code()
              + ": " + errorText(response.body()));
        }
        ParsedPage<R> parsed;
        try (InputStream body = response.body().byteStream()) {
          parsed = parser.parse(body, job.mapper(), pageNumber);
        }
        checkKeys(parsed, pageNumber);
        return new Page<>(parsed, pager.next(position, parsed, response));
      } catch (SyncException e) {
        if (!e.retryable() || attempt >= SyncEngine.PAGE_ATTEMPTS) {
          throw e;
        }
        backOff(attempt);
      } catch (IOException e) {
        if (attempt >= SyncEngine.PAGE_ATTEMPTS) {
          throw new SyncException("page " + pageNumber + " failed " + attempt + " times; last: " + e, e);
        }
        backOff(attempt);
      }
    }
  }

  private void backOff(int attempt) throws SyncException {
    long cap = Math.min(8_000, 250L << Math.min(attempt, 10));
    try {
      sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException("interrupted while waiting to retry a page");
    }
  }

  private void checkKeys(ParsedPage<R> page, int pageNumber) throws SyncException {
    for (int i = 0; i < page.size(); i++) {
      R row = page.rows().get(i);
      for (String key : stream.primaryKey()) {
        int column = stream.columns().indexOf(stream.column(key).orElseThrow());
        if (job.mapper().value(row, column) == null) {
          throw new SyncException("record #" + (i + 1) + " on page " + pageNumber + " has no '"
              + stream.columns().get(column).from() + "' (its primary key '" + key + "')");
        }
      }
    }
  }

  /** Writes a page's rows and the checkpoint after it in one transaction, then tells the listener. */
  private SyncState commit(SyncStateStore store, TableWriter<R> writer, SyncState state, Page<R> page)
      throws SQLException {
    Connection db = job.connection();
    db.setAutoCommit(false);
    SyncState next;
    TableWriter.PageWrite written;
    long deleted = 0;
    try {
      written = writer.write(page.parsed().rows());
      if (stream.writeMode() == WriteMode.REPLACE) {
        markSeen(writer, page.parsed().rows());
      }
      String runMax = state.runMax();
      for (Object cursor : page.parsed().cursors()) {
        runMax = CursorValues.max(runMax, CursorValues.encode(cursor));
      }
      SyncState.Counts counts = state.run().plus(new SyncState.Counts(written.inserted(), written.updated(),
          written.unchanged(), 0, page.parsed().size(), 1));
      if (page.next().isPresent()) {
        next = new SyncState(state.connector(), state.table(), state.cursor(), state.runId(), state.runFloor(),
            runMax, page.next().get(), counts, state.lastStartedAt(), state.lastFinishedAt(), state.lastOutcome(),
            state.lastError(), state.last());
      } else {
        if (stream.writeMode() == WriteMode.REPLACE) {
          deleted = sweepUnseen();
          counts = counts.plus(new SyncState.Counts(0, 0, 0, deleted, 0, 0));
        }
        String cursor = CursorValues.max(state.cursor(), runMax);
        next = new SyncState(state.connector(), state.table(), cursor, null, null, null, PagePosition.FIRST,
            SyncState.Counts.ZERO, state.lastStartedAt(), clock.instant(), "ok", null, counts);
      }
      store.save(next);
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
    notifyListener(new TableChange(job.pocket(), job.connector().name(), stream.table(), page.parsed().size(),
        written.inserted(), written.updated(), deleted, written.changedKeys(), !next.inProgress()));
    return next;
  }

  private void markSeen(TableWriter<R> writer, List<R> rows) throws SQLException {
    String placeholders = stream.primaryKey().stream().map(k -> "?").collect(Collectors.joining(", "));
    try (var insert = job.connection().prepareStatement("INSERT OR IGNORE INTO " + SqlNames.quote(seenTable)
        + " VALUES (" + placeholders + ")")) {
      for (R row : rows) {
        Object key = writer.key(row);
        List<?> parts = key instanceof List<?> list ? list : List.of(key);
        for (int i = 0; i < parts.size(); i++) {
          dev.paw.runtime.mapping.JsonColumns.bind(insert, i + 1, parts.get(i));
        }
        insert.executeUpdate();
      }
    }
  }

  /** Deletes the rows this complete replace run did not see, and forgets what it saw. */
  private long sweepUnseen() throws SQLException {
    String live = SqlNames.quote(stream.table());
    String seen = SqlNames.quote(seenTable);
    String match = stream.primaryKey().stream()
        .map(k -> seen + "." + SqlNames.quote(k) + " IS " + live + "." + SqlNames.quote(k))
        .collect(Collectors.joining(" AND "));
    try (Statement statement = job.connection().createStatement()) {
      long deleted = statement.executeUpdate("DELETE FROM " + live + " WHERE NOT EXISTS (SELECT 1 FROM " + seen
          + " WHERE " + match + ")");
      statement.execute("DROP TABLE " + seen);
      return deleted;
    }
  }

  private String keyColumns() {
    return stream.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
  }

  private void notifyListener(TableChange change) {
    try {
      listener.onChange(change);
    } catch (RuntimeException e) {
      System.getLogger(SyncRun.class.getName()).log(System.Logger.Level.WARNING,
          "a sync listener failed on " + change.table() + ": " + e);
    }
  }

  /**
   * The run's first request with the incremental filter in its query. The filter parameter need not be one the
   * action declares ({@code created[gte]} rarely is), so it is added here, as paging parameters are.
   */
  private Request withIncrementalFilter(Request request, SyncState state) {
    if (stream.incremental() == null || state.runFloor() == null) {
      return request;
    }
    return request.newBuilder().url(request.url().newBuilder()
        .setQueryParameter(stream.incremental().param(), CursorValues.asParameter(state.runFloor())).build()).build();
  }

  private SyncResult fail(SyncStateStore store, SyncState state, Instant started, String reason) {
    String error = job.redactor().apply(reason); // stored in _paw_sync_state: no credential value may reach it
    SyncState failed = withLast(state, state.lastStartedAt(), clock.instant(), "error", error, state.last());
    try {
      job.connection().setAutoCommit(true);
      store.save(failed);
    } catch (SQLException e) {
      error = error + " (and the failure could not be recorded: " + e.getMessage() + ")";
    }
    return result(failed, started, false, error);
  }

  private SyncResult result(SyncState state, Instant started, boolean complete, String error) {
    SyncState.Counts c = complete ? state.last() : state.run();
    return new SyncResult(stream.table(), c.inserted(), c.updated(), c.unchanged(), c.deleted(), c.records(),
        c.pages(), Duration.between(started, clock.instant()), complete, error);
  }

  private static SyncState withLast(SyncState s, Instant startedAt, Instant finishedAt, String outcome, String error,
      SyncState.Counts last) {
    return new SyncState(s.connector(), s.table(), s.cursor(), s.runId(), s.runFloor(), s.runMax(), s.position(),
        s.run(), startedAt, finishedAt, outcome, error, last);
  }

  /** The request's URL without its query, which may carry an API key. */
  private static String redacted(Request request) {
    return request.url().newBuilder().query(null).build().toString();
  }

  private static String errorText(ResponseBody body) {
    try {
      String text = body.source().readUtf8(Math.min(ERROR_BODY_CHARS * 4L, Math.max(0, body.contentLength() < 0
          ? ERROR_BODY_CHARS * 4L : body.contentLength())));
      text = text.replaceAll("\\s+", " ").strip();
      return text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "..." : text;
    } catch (IOException | IllegalStateException e) {
      return "(no readable body)";
    }
  }
}
