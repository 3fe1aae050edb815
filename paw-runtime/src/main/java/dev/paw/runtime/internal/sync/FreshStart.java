package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ChangesSpec;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import okhttp3.Response;

/**
 * Decides how a fresh run starts: from the stored position, or in full (a full refresh is due, the
 * change feed's position is older than it keeps events, or there is no position), and, for a full
 * listing of a stream with a change feed, the position the feed continues from afterwards.
 */
final class FreshStart<R> {

  /** A fresh run's state, and whether it removes at its end what it did not list. */
  record Fresh(SyncState state, boolean sweepsFull) {}

  private final SyncJob<R> job;
  private final StreamSpec stream;
  private final RunOptions options;

  FreshStart(SyncJob<R> job, RunOptions options) {
    this.job = job;
    this.stream = job.stream();
    this.options = options;
  }

  /**
   * The stored state as the run was asked to see it: {@code --reset} forgets the position, the
   * interrupted run and the last full run; {@code --full} the interrupted run.
   */
  SyncState asked(SyncState stored) throws SQLException {
    SyncState previous = stored;
    if (options.reset()) {
      previous = previous.withCursor(null).withRun(null);
      FullRuns.forget(job.connection(), stream.table());
    }
    return options.full() ? previous.withRun(null) : previous;
  }

  /**
   * A fresh run after {@code previous}: from its position, or in full (asked for, a full refresh is
   * due, or a change feed has no position it can use), with where a feed continues afterwards.
   */
  Fresh start(SyncState previous, Instant now) throws IOException, SQLException {
    boolean full = options.full() || due(previous, now);
    String floor = floor(previous, full, now);
    boolean feedInFull = stream.changes() != null && floor == null;
    SyncState state =
        new SyncState(
            job.connector().name(),
            stream.table(),
            feedInFull ? null : previous.cursor(),
            new SyncState.Run(
                UUID.randomUUID().toString(),
                floor,
                feedInFull ? position(now) : null,
                PagePosition.FIRST,
                SyncCounts.ZERO),
            previous.last().started(now));
    return new Fresh(state, full || feedInFull);
  }

  /** True when the stream's {@code full_refresh} is due: its last full run is that long ago. */
  private boolean due(SyncState previous, Instant now) throws SQLException {
    if (stream.fullRefresh() == null) {
      return false;
    }
    Instant last = FullRuns.last(job.connection(), stream.table());
    return last == null || !last.plus(stream.fullRefresh().interval()).isAfter(now);
  }

  /** The position (or cursor) a fresh run filters from; {@code null} for a full run. */
  private String floor(SyncState previous, boolean full, Instant now) {
    if (full || previous.cursor() == null) {
      return null;
    }
    return tooOld(stream.changes(), previous.cursor(), now) ? null : previous.cursor();
  }

  /**
   * True when a change feed's stored position is older than the feed keeps events ({@code
   * retention}); a position that is not a time only the feed's answer can tell expired.
   */
  static boolean tooOld(ChangesSpec changes, String position, Instant now) {
    if (changes == null || changes.retention() == null) {
      return false;
    }
    try {
      BigDecimal seconds = new BigDecimal(CursorValues.asParameter(position).strip());
      BigDecimal oldest = BigDecimal.valueOf(now.minus(changes.retention()).getEpochSecond());
      return seconds.compareTo(oldest) < 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Where the change feed continues after a full listing that starts now: the time in Unix seconds,
   * or the field of the start action's answer.
   */
  String position(Instant now) throws IOException {
    ChangesSpec changes = stream.changes();
    if (changes.startAction() == null) {
      return CursorValues.encode(now.getEpochSecond());
    }
    ActionSpec action = job.connector().action(changes.startAction()).orElseThrow();
    try (Response response =
        job.client().newCall(job.requests().request(action, Map.of())).execute()) {
      if (!response.isSuccessful()) {
        throw SyncException.answered(
            response.code(),
            "'"
                + action.name()
                + "', asked for the change feed's position, answered "
                + response.code());
      }
      JsonNode answer;
      try (InputStream body = response.body().byteStream()) {
        answer = ChangeEvents.JSON.readTree(PageParser.JSON.createParser(body));
      }
      JsonNode value = JsonPaths.at(answer, changes.startField());
      if (value == null || !value.isValueNode() || value.isNull()) {
        throw new SyncException(
            "'"
                + action.name()
                + "' answered without '"
                + changes.startField()
                + "', the change feed's position");
      }
      return CursorValues.encode(value.isNumber() ? value.numberValue() : value.asText());
    }
  }
}
