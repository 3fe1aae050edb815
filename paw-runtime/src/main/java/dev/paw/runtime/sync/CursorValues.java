package dev.paw.runtime.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;

/**
 * Incremental cursor values as stored in the checkpoint (JSON text, so a number stays a number) and compared
 * (numbers numerically, anything else as text, which orders ISO-8601 timestamps correctly).
 */
final class CursorValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CursorValues() {}

  static String encode(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The stored value as a request parameter: numbers as digits, strings without quotes. */
  static String asParameter(String stored) {
    try {
      JsonNode node = JSON.readTree(stored);
      return node.isTextual() ? node.asText() : node.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored cursor " + stored, e);
    }
  }

  /**
   * The run maximum after a page: {@link #max} folded over the encoding of each of the page's cursor values as read
   * ({@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code null}), but comparing the values as they
   * are and encoding only the winner. Encoding and re-reading every value cost more than mapping the record.
   */
  static String maxOf(String stored, List<?> values) {
    JsonNode start = stored == null ? null : read(stored);
    Object best = null;
    for (Object value : values) {
      if (value == null) {
        continue;
      }
      int order = best != null ? compare(best, value) : start != null ? compare(start, value) : -1;
      if (order < 0) {
        best = value;
      }
    }
    return best == null ? stored : encode(best);
  }

  /** As {@link #max} orders encodings: numbers numerically, anything else by its text. */
  private static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y));
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  private static int compare(JsonNode a, Object b) {
    return a.isNumber() && b instanceof Number y ? a.decimalValue().compareTo(decimal(y))
        : a.asText().compareTo(String.valueOf(b));
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
        : BigDecimal.valueOf(n.longValue());
  }

  private static JsonNode read(String stored) {
    try {
      return JSON.readTree(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored cursor", e);
    }
  }

  /** The greater of two stored values; either may be {@code null}. */
  static String max(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    try {
      JsonNode x = JSON.readTree(a);
      JsonNode y = JSON.readTree(b);
      int order = x.isNumber() && y.isNumber()
          ? x.decimalValue().compareTo(y.decimalValue())
          : x.asText().compareTo(y.asText());
      return order >= 0 ? a : b;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored cursor", e);
    }
  }
}
