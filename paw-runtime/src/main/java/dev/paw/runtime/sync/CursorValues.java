package dev.paw.runtime.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
