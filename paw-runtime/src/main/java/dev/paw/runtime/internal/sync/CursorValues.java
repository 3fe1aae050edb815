package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;

/**
 * Incremental cursor values as stored in the checkpoint (JSON text, so a number stays a number) and
 * compared (numbers numerically, anything else as text, which orders ISO-8601 timestamps
 * correctly).
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
   * The run maximum after a page: {@link #max} folded over the encoding of each of the page's
   * cursor values as read ({@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code
   * null}), but comparing the values as they are and encoding only the winner. Encoding and
   * re-reading every value cost more than mapping the record.
   */
  static String maxOf(String stored, List<?> values) {
    Object max = stored == null ? null : asRead(read(stored));
    boolean changed = false;
    for (Object value : values) {
      if (value != null && (max == null || compare(max, value) < 0)) {
        max = value;
        changed = true;
      }
    }
    return changed ? encode(max) : stored;
  }

  /**
   * A stored value as a mapper would have read it, so that comparing it with each record's value
   * takes no {@code BigDecimal} (a page of a newest-first list never beats the stored maximum); the
   * node where no such value orders the same.
   */
  private static Object asRead(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isDouble()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node;
  }

  /**
   * As {@link #max} orders encodings: numbers numerically, anything else by {@link #compareText}.
   */
  private static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof JsonNode node) {
      return node.isNumber() && b instanceof Number y
          ? node.decimalValue().compareTo(decimal(y))
          : compareText(node.asText(), String.valueOf(b));
    }
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y));
    }
    return compareText(String.valueOf(a), String.valueOf(b));
  }

  /**
   * Text order (right for ISO-8601 timestamps), except that two strings of digits order as the
   * numbers they are: Gmail's {@code internalDate} is milliseconds as a string, and "946684800000"
   * (2000) must not come after "1795000000000" (2026) because '9' follows '1'.
   */
  static int compareText(String a, String b) {
    if (isDigits(a) && isDigits(b)) {
      String x = withoutLeadingZeros(a);
      String y = withoutLeadingZeros(b);
      return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
    return a.compareTo(b);
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String withoutLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof Double || n instanceof Float
        ? BigDecimal.valueOf(n.doubleValue())
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
      int order =
          x.isNumber() && y.isNumber()
              ? x.decimalValue().compareTo(y.decimalValue())
              : compareText(x.asText(), y.asText());
      return order >= 0 ? a : b;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored cursor", e);
    }
  }
}
