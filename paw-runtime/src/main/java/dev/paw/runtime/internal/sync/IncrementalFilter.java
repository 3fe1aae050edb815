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
    return spec.format() == null ? value : spec.format().replace("{value}", value);
  }
}
