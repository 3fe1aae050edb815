package dev.paw.runtime.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How one checked value is written as text in a URL or form: integers plainly, booleans lower case,
 * trees as JSON.
 */
final class ValueText {

  static final ObjectMapper JSON = new ObjectMapper();

  private ValueText() {}

  static String of(Object value) {
    if (value == null) {
      return "";
    } else if (value instanceof Double d) {
      // 1e10 as "10000000000", 2.5 as "2.5": servers parse plain decimals, not Java's exponent form
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write a value as JSON", e);
      }
    }
    return value.toString(); // String, Long, Boolean ("true"/"false")
  }

  static boolean isScalar(Object value) {
    return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
  }
}
