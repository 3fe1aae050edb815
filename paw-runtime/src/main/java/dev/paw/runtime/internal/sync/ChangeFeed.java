package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ChangesSpec;
import dev.paw.spec.ParamType;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.WriteMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;

/**
 * The wire side of a stream's change feed: the feed's request from a stored position (less the
 * lookback), its pages, and the changes each event makes. Shared by the pocket's {@link ChangesRun}
 * and the detached {@link PageReader}.
 */
final class ChangeFeed<R> implements AutoCloseable {

  private final SyncJob<R> job;
  private final ChangesSpec spec;
  private final ActionSpec feed;
  private final ChangeEvents events;
  private final PageFetcher<JsonNode> fetcher;

  ChangeFeed(SyncJob<R> job, Sleeper sleeper, SyncLimits limits) {
    this.job = job;
    StreamSpec stream = job.stream();
    this.spec = stream.changes();
    this.feed = job.connector().action(spec.source()).orElseThrow();
    this.events = new ChangeEvents(spec, stream.table(), feed.pagination().from());
    StreamSpec feedStream =
        StreamSpec.builder(spec.location(), stream.table())
            .source(spec.source())
            .params(spec.params())
            .records(spec.records())
            .writeMode(WriteMode.APPEND)
            .build();
    SyncJob<JsonNode> feedJob =
        new SyncJob<>(
            job.pocket(),
            job.connector(),
            feedStream,
            events,
            job.connection(),
            job.client(),
            job.requests(),
            job.redactor());
    Pager pager = new Pager(feed.pagination());
    List<String> fields = new ArrayList<>(pager.fieldPaths());
    if (spec.token() != null) {
      fields.add(spec.token());
    }
    String records = spec.records() != null ? spec.records() : feed.records();
    this.fetcher =
        new PageFetcher<>(feedJob, pager, new PageParser(records, fields), sleeper, limits.page());
  }

  ChangesSpec spec() {
    return spec;
  }

  /** A page of events from {@code base}. */
  FetchedPage<JsonNode> fetch(Request base, PagePosition position, int pageNumber)
      throws IOException {
    return fetcher.fetch(base, position, pageNumber);
  }

  /** True when the feed's answer says the stored position is too old (an {@code expired} code). */
  boolean expired(SyncException e) {
    return spec.expired().contains(e.status());
  }

  /** The changes one event makes, in the order the event holds them. */
  List<ChangeEvents.Change> changes(JsonNode event) {
    return events.changes(event);
  }

  /** The stream's row of a changed object, as a listing would map it. */
  R row(JsonNode object, String what) throws IOException {
    return ChangeEvents.row(job.mapper(), object, what);
  }

  /**
   * Where the feed continues after a run's last page: the page's token, or the highest event cursor
   * the run saw (never below the position it started from).
   */
  String positionAfter(String floor, String runMax, FetchedPage<JsonNode> lastPage) {
    String position =
        spec.token() != null
            ? CursorValues.encode(lastPage.parsed().fields().get(spec.token()))
            : CursorValues.max(floor, runMax);
    return position == null ? floor : position;
  }

  /** The feed's first request, with the stored position (less the lookback) in its query. */
  Request base(String position) throws IOException {
    String value = CursorValues.asParameter(position);
    if (spec.lookback() != null) {
      try {
        value =
            new BigDecimal(value.strip())
                .subtract(BigDecimal.valueOf(spec.lookback()))
                .stripTrailingZeros()
                .toPlainString();
      } catch (NumberFormatException e) {
        throw new SyncException(
            "the stored position of the change feed is '" + value + "', not a number");
      }
    }
    if (feed.param(spec.param()).isPresent()) {
      // a parameter the feed declares (Gmail's required startHistoryId) is checked like any other
      Map<String, Object> params = new LinkedHashMap<>(spec.params());
      Object typed = value;
      if (feed.param(spec.param()).get().type() == ParamType.INTEGER) {
        typed = Long.parseLong(value);
      }
      params.put(spec.param(), typed);
      return job.requests().request(feed, params);
    }
    Request request = job.requests().request(feed, spec.params());
    return request
        .newBuilder()
        .url(request.url().newBuilder().setQueryParameter(spec.param(), value).build())
        .build();
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
