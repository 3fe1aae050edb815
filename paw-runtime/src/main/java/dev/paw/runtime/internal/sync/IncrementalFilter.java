package dev.paw.runtime.internal.sync;

import dev.paw.spec.IncrementalSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The value of an incremental stream's filter parameter, from what the checkpoint stores: the
 * highest record cursor (divided, stepped back by the lookback, and written through the format:
 * {@code after:1699999999}), or the sync token as it came.
 */
final class IncrementalFilter {

  private IncrementalFilter() {}

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
