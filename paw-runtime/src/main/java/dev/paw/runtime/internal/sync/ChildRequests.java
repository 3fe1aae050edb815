package dev.paw.runtime.internal.sync;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.runtime.internal.http.AuthenticationException;
import dev.paw.runtime.internal.http.ResponseLimitException;
import dev.paw.runtime.internal.mapping.SpecRowMapper;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ChildRequestSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ColumnType;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.WriteMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A stream's {@code each}: for every record its source lists, one request to the child action,
 * whose response is the record the stream maps (Gmail lists message ids; each message is fetched).
 * Children of a page are fetched a few at a time and kept in list order; a child the server no
 * longer has (404: deleted since it was listed) is skipped, any other failure fails the page like a
 * failed page fetch.
 */
final class ChildRequests<R> implements AutoCloseable {

  /** Children fetched at once: enough to hide latency, few enough to stay polite. */
  static final int CONCURRENCY = 4;

  private final SyncJob<R> job;
  private final ChildRequestSpec each;
  private final ActionSpec action;
  private final List<String> fields;
  private final Sleeper sleeper;
  private final ExecutorService threads;

  /**
   * The requests in flight, so a failed page or a closed run can cancel them (OkHttp ignores
   * interrupts).
   */
  private final Set<Call> calls = ConcurrentHashMap.newKeySet();

  ChildRequests(SyncJob<R> job, Sleeper sleeper) {
    this.job = job;
    this.each = job.stream().each();
    this.action = job.connector().action(each.action()).orElseThrow();
    this.fields = each.fields();
    this.sleeper = sleeper;
    this.threads =
        Executors.newFixedThreadPool(
            CONCURRENCY,
            runnable -> {
              Thread thread = new Thread(runnable, "paw-sync-child");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * The mapper of the listed records: an interpreted one that reads only the fields the child's
   * parameters take (and the paging cursor), in the order of {@link ChildRequestSpec#fields()}.
   */
  static RowMapper<Object[]> listedRecords(ConnectorSpec connector, StreamSpec stream) {
    List<ColumnSpec> columns = new ArrayList<>();
    List<String> fields = stream.each().fields();
    for (int i = 0; i < fields.size(); i++) {
      columns.add(new ColumnSpec(stream.location(), "field_" + i, fields.get(i), ColumnType.ANY));
    }
    StreamSpec listed =
        new StreamSpec(
            stream.location(),
            stream.table(),
            stream.schedule(),
            stream.source(),
            stream.params(),
            stream.records(),
            columns,
            List.of(),
            null,
            WriteMode.APPEND,
            stream.maxPages(),
            null);
    return new SpecRowMapper(connector, listed);
  }

  /** The page of children of one page of listed records. */
  ParsedPage<R> fetch(ParsedPage<Object[]> listed, int pageNumber) throws IOException {
    List<Future<Child<R>>> pending = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      Object[] record = listed.rows().get(i);
      int number = i + 1;
      pending.add(threads.submit(() -> child(record, number, pageNumber)));
    }
    List<R> rows = new ArrayList<>();
    List<Object> cursors = new ArrayList<>();
    try {
      for (Future<Child<R>> future : pending) {
        Child<R> child = Futures.await(future, "child requests");
        if (child != null) {
          rows.add(child.row());
          cursors.add(child.cursor());
        }
      }
    } catch (IOException | RuntimeException e) {
      // the page has failed: its other children are of no use, and none may outlive the run
      pending.forEach(future -> future.cancel(true));
      calls.forEach(Call::cancel);
      throw e;
    }
    return new ParsedPage<>(
        rows, cursors, listed.lastPageCursor(), listed.fields(), listed.recordsFound());
  }

  /** A fetched child: its row and its incremental cursor. */
  private record Child<R>(R row, Object cursor) {}

  private Child<R> child(Object[] listed, int number, int pageNumber) throws IOException {
    String what = "record #" + number + " on page " + pageNumber;
    Request request = job.requests().request(action, params(listed, what));
    for (int attempt = 1; ; attempt++) {
      Call call = job.client().newCall(request);
      calls.add(call);
      try (Response response = call.execute()) {
        if (response.code() == 404) {
          return null;
        }
        if (!response.isSuccessful()) {
          throw new SyncException(
              "the '" + action.name() + "' request for " + what + " answered " + response.code());
        }
        RecordContext context = new RecordContext();
        try (InputStream body = response.body().byteStream()) {
          R row =
              PageParser.parseRecord(
                  body, job.mapper(), context, what + " (its '" + action.name() + "' response)");
          return new Child<>(row, context.get(RecordContext.INCREMENTAL_CURSOR));
        }
      } catch (SyncException e) {
        if (!e.retryable() || attempt >= SyncEngine.PAGE_ATTEMPTS) {
          throw e;
        }
        RetryPause.after(attempt, sleeper, "a child request");
      } catch (AuthenticationException e) {
        throw e; // a revoked grant does not come back by asking again
      } catch (ResponseLimitException e) {
        // too large or too slow: asking again would cost as much again
        throw new SyncException(
            "the '" + action.name() + "' request for " + what + ": " + e.getMessage(), e);
      } catch (IOException e) {
        if (call.isCanceled()) {
          throw new SyncException(
              "the '"
                  + action.name()
                  + "' request for "
                  + what
                  + " was cancelled: another"
                  + " record of the page failed");
        }
        if (attempt >= SyncEngine.PAGE_ATTEMPTS) {
          throw new SyncException(
              "the '"
                  + action.name()
                  + "' request for "
                  + what
                  + " failed "
                  + attempt
                  + " times; last: "
                  + e,
              e);
        }
        RetryPause.after(attempt, sleeper, "a child request");
      } finally {
        calls.remove(call);
      }
    }
  }

  /**
   * The child's parameters: a template that is one placeholder keeps the field's value, others
   * become text.
   */
  private Map<String, Object> params(Object[] listed, String what) throws SyncException {
    Map<String, Object> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : each.params().entrySet()) {
      String template = entry.getValue();
      Object value = template;
      for (int i = 0; i < fields.size(); i++) {
        String placeholder = "{" + fields.get(i) + "}";
        if (!template.contains(placeholder)) {
          continue;
        }
        if (listed[i] == null) {
          throw new SyncException(
              what
                  + " has no '"
                  + fields.get(i)
                  + "' for the '"
                  + entry.getKey()
                  + "' parameter of '"
                  + action.name()
                  + "'");
        }
        value =
            template.equals(placeholder)
                ? listed[i]
                : value.toString().replace(placeholder, String.valueOf(listed[i]));
      }
      params.put(entry.getKey(), value);
    }
    return params;
  }

  /**
   * Cancels what is still in flight and waits for the threads, so no child request outlives its
   * run.
   */
  @Override
  public void close() {
    threads.shutdownNow();
    calls.forEach(Call::cancel);
    try {
      if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
        System.getLogger(ChildRequests.class.getName())
            .log(
                System.Logger.Level.WARNING,
                "child requests of "
                    + job.stream().table()
                    + " still running 10 s after their run ended");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
