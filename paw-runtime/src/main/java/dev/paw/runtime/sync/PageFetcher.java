package dev.paw.runtime.sync;

import dev.paw.runtime.http.Sleeper;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches and parses one page of a run, trying again when the transport fails or the body arrives cut short, and
 * refuses a page with a record that has no primary key. Holds no state between pages, so a run may fetch the next
 * page on another thread while it writes this one.
 */
final class PageFetcher<R> {

  private static final int ERROR_BODY_CHARS = 300;

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final Pager pager;
  private final PageParser parser;
  private final Sleeper sleeper;
  /** The column index of each primary key column, in key order. */
  private final int[] keyColumns;

  PageFetcher(SyncJob<R> job, Pager pager, PageParser parser, Sleeper sleeper) {
    this.job = job;
    this.stream = job.stream();
    this.pager = pager;
    this.parser = parser;
    this.sleeper = sleeper;
    this.keyColumns = stream.primaryKey().stream()
        .mapToInt(key -> stream.columns().indexOf(stream.column(key).orElseThrow())).toArray();
  }

  /** The page at {@code position} of the run whose first request is {@code base}. */
  FetchedPage<R> fetch(Request base, PagePosition position, int pageNumber) throws IOException {
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
        return new FetchedPage<>(parsed, pager.next(position, parsed, response));
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
      for (int k = 0; k < keyColumns.length; k++) {
        if (job.mapper().value(row, keyColumns[k]) == null) {
          throw new SyncException("record #" + (i + 1) + " on page " + pageNumber + " has no '"
              + stream.columns().get(keyColumns[k]).from() + "' (its primary key '" + stream.primaryKey().get(k)
              + "')");
        }
      }
    }
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
