package dev.paw.runtime.internal.sync;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.runtime.internal.http.AuthenticationException;
import dev.paw.runtime.internal.http.BodyLimit;
import dev.paw.runtime.internal.http.ResponseLimitException;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches and parses one page of a run, trying again when the transport fails or the body arrives
 * cut short, and refuses a page with a record that has no primary key. For a stream with {@code
 * each}, the page lists records and each one's child request gives the row (see {@link
 * ChildRequests}). Holds no state between pages, so a run may fetch the next page on another thread
 * while it writes this one.
 */
final class PageFetcher<R> implements AutoCloseable {

  private static final int ERROR_BODY_CHARS = 300;

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final Pager pager;
  private final PageParser parser;
  private final Sleeper sleeper;
  private final BodyLimit pageLimit;

  /** Whether the source action may leave its records field out of an empty answer. */
  private final boolean recordsOptional;

  /** The column index of each primary key column, in key order. */
  private final int[] keyColumns;

  /**
   * For a stream with {@code each}: the listed records' mapper and their child requests; else null.
   */
  private final RowMapper<Object[]> listed;

  private final ChildRequests<R> children;

  PageFetcher(
      SyncJob<R> job, Pager pager, PageParser parser, Sleeper sleeper, BodyLimit pageLimit) {
    this.job = job;
    this.stream = job.stream();
    this.pager = pager;
    this.parser = parser;
    this.sleeper = sleeper;
    this.pageLimit = pageLimit;
    this.recordsOptional = job.source().recordsOptional();
    this.keyColumns =
        stream.primaryKey().stream()
            .mapToInt(key -> stream.columns().indexOf(stream.column(key).orElseThrow()))
            .toArray();
    boolean each = stream.each() != null;
    this.listed = each ? ChildRequests.listedRecords(job.connector(), stream) : null;
    this.children = each ? new ChildRequests<>(job, sleeper) : null;
  }

  /** The page at {@code position} of the run whose first request is {@code base}. */
  FetchedPage<R> fetch(Request base, PagePosition position, int pageNumber) throws IOException {
    FetchedPage<R> page;
    if (children == null) {
      page = fetchPage(base, position, pageNumber, job.mapper());
    } else {
      FetchedPage<Object[]> list = fetchPage(base, position, pageNumber, listed);
      page = new FetchedPage<>(children.fetch(list.parsed(), pageNumber), list.next());
    }
    checkKeys(page.parsed(), pageNumber);
    return page;
  }

  private <T> FetchedPage<T> fetchPage(
      Request base, PagePosition position, int pageNumber, RowMapper<T> mapper) throws IOException {
    Request request =
        pager.request(base, position).newBuilder().tag(BodyLimit.class, pageLimit).build();
    for (int attempt = 1; ; attempt++) {
      try (Response response = job.client().newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw SyncException.answered(
              response.code(),
              request.method()
                  + " "
                  + redacted(request)
                  + " answered "
                  + response.code()
                  + ": "
                  + errorText(response.body()));
        }
        ParsedPage<T> parsed;
        try (InputStream body = response.body().byteStream()) {
          parsed = parser.parse(body, mapper, pageNumber);
        }
        Optional<PagePosition> next = pager.next(position, parsed, response);
        if (!parsed.recordsFound() && (!recordsOptional || pager.announcesMore(parsed, next))) {
          // only an API declared to leave the field out of an empty answer (records_optional,
          // Gmail) may, and then
          // only on a page after which no other is announced
          throw new SyncException(parser.noRecords(pageNumber));
        }
        return new FetchedPage<>(parsed, next);
      } catch (SyncException e) {
        if (!e.retryable() || attempt >= SyncEngine.PAGE_ATTEMPTS) {
          throw e;
        }
        RetryPause.after(attempt, sleeper, "a page");
      } catch (AuthenticationException e) {
        throw e; // a revoked grant does not come back by asking again; its message says how to
        // authorize
      } catch (IOException e) {
        IOException explained =
            ResponseLimitException.explained(
                e, Duration.ofMillis(job.client().callTimeoutMillis()));
        if (explained instanceof ResponseLimitException) {
          // too large, too slow or too long: fetching the page again would cost as much again
          throw new SyncException("page " + pageNumber + ": " + explained.getMessage(), explained);
        }
        if (attempt >= SyncEngine.PAGE_ATTEMPTS) {
          throw new SyncException(
              "page " + pageNumber + " failed " + attempt + " times; last: " + e, e);
        }
        RetryPause.after(attempt, sleeper, "a page");
      }
    }
  }

  private void checkKeys(ParsedPage<R> page, int pageNumber) throws SyncException {
    for (int i = 0; i < page.size(); i++) {
      List<Object> key = job.mapper().key(page.rows().get(i));
      for (int k = 0; k < keyColumns.length; k++) {
        if (key.get(k) == null) {
          throw new SyncException(
              "record #"
                  + (i + 1)
                  + " on page "
                  + pageNumber
                  + " has no '"
                  + stream.columns().get(keyColumns[k]).from()
                  + "' (its primary key '"
                  + stream.primaryKey().get(k)
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
      String text =
          body.source()
              .readUtf8(
                  Math.min(
                      ERROR_BODY_CHARS * 4L,
                      Math.max(
                          0,
                          body.contentLength() < 0
                              ? ERROR_BODY_CHARS * 4L
                              : body.contentLength())));
      text = text.replaceAll("\\s+", " ").strip();
      return text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "..." : text;
    } catch (IOException | IllegalStateException e) {
      return "(no readable body)";
    }
  }

  @Override
  public void close() {
    if (children != null) {
      children.close();
    }
  }
}
