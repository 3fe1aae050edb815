package dev.paw.runtime.internal.sync;

import dev.paw.spec.IncrementalSpec;
import dev.paw.spec.StreamSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import okhttp3.Request;

/**
 * The value of an incremental stream's filter parameter, from what the checkpoint stores: the
 * highest record cursor (divided, stepped back by the lookback, and written through the format:
 * {@code after:1699999999}), or the sync token as it came.
 */
final class IncrementalFilter {

  private IncrementalFilter() {}

  /**
   * A run's first request with the incremental filter (the cursor, or the sync token) in its query;
   * {@code request} itself for a full run ({@code floor} null). The filter parameter need not be
   * one the action declares ({@code created[gte]} rarely is), so it is added here, as paging
   * parameters are.
   */
  static Request applied(Request request, StreamSpec stream, String floor) throws SyncException {
    if (stream.incremental() == null || floor == null) {
      return request;
    }
    return request
        .newBuilder()
        .url(
            request
                .url()
                .newBuilder()
                .setQueryParameter(stream.incremental().param(), value(stream.incremental(), floor))
                .build())
        .build();
  }

  /** The parameter value for the stored cursor or token (JSON text, as the checkpoint keeps it). */
  static String value(IncrementalSpec spec, String stored) throws SyncException {
    String value = CursorValues.asParameter(stored);
    if (spec.usesToken()) {
      return value;
    }
    if (spec.divideBy() != null || spec.lookback() != null) {
      BigDecimal number;
      try {
        number = new BigDecimal(value.strip());
      } catch (NumberFormatException e) {
        throw new SyncException(
            "the cursor '"
                + spec.cursor()
                + "' is '"
                + value
                + "', not a number, so it cannot be"
                + " divided or stepped back");
      }
      if (spec.divideBy() != null) {
        number = number.divide(BigDecimal.valueOf(spec.divideBy()), 0, RoundingMode.FLOOR);
      }
      if (spec.lookback() != null) {
        number = number.subtract(BigDecimal.valueOf(spec.lookback()));
      }
      value = number.stripTrailingZeros().toPlainString();
    }
    if (spec.window() != null) {
      value = steppedBack(spec, value);
    }
    return spec.format() == null ? value : spec.format().replace("{value}", value);
  }

  /**
   * An updated-at cursor less the lookback window: a number of seconds, or an ISO 8601 time written
   * back in the form it came in ({@code Z} or its offset).
   */
  private static String steppedBack(IncrementalSpec spec, String value) throws SyncException {
    String text = value.strip();
    try {
      return new BigDecimal(text)
          .subtract(BigDecimal.valueOf(spec.window().getSeconds()))
          .stripTrailingZeros()
          .toPlainString();
    } catch (NumberFormatException notANumber) {
      // a time, then
    }
    try {
      java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(text).minus(spec.window());
      return text.endsWith("Z")
          ? time.toInstant().toString()
          : time.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (java.time.format.DateTimeParseException e) {
      throw new SyncException(
          "the cursor '"
              + spec.cursor()
              + "' is '"
              + value
              + "', neither a number of seconds nor an ISO 8601 time, so the lookback window cannot"
              + " step it back");
    }
  }

  /**
   * The run's first request, with the incremental filter (the cursor, or the sync token) in its
   * query. The filter parameter need not be one the action declares ({@code created[gte]} rarely
   * is), so it is added here, as paging parameters are.
   *
   * @param floor the stored cursor or token the run filters from; {@code null} for a full run
   */
  static okhttp3.Request firstRequest(SyncJob<?> job, dev.paw.spec.ActionSpec source, String floor)
      throws java.io.IOException {
    return applied(job.requests().request(source, job.stream().params()), job.stream(), floor);
  }
}
