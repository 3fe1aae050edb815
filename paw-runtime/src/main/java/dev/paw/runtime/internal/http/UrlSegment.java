package dev.paw.runtime.internal.http;

import java.util.ArrayList;
import java.util.List;

/** One path segment being built: its encoded text, its decoded text, and the values in it. */
final class UrlSegment {
  private final StringBuilder encoded = new StringBuilder();
  private final StringBuilder decoded = new StringBuilder();
  private final List<String> valueNames = new ArrayList<>();

  void literal(char c) {
    encoded.append(c);
    decoded.append(c);
  }

  void append(String name, String value) {
    encoded.append(PercentEncoding.encode(value));
    decoded.append(value);
    valueNames.add(name);
  }

  boolean isEmpty() {
    return encoded.length() == 0;
  }

  boolean isDotSegment() {
    if (valueNames.isEmpty()) {
      return false;
    }
    // raw values: a value "%2e%2e" is sent as %252e%252e, which is no dot segment
    String text = decoded.toString();
    return text.equals(".") || text.equals("..");
  }

  /** The names of the values in the segment, in order. */
  List<String> valueNames() {
    return valueNames;
  }

  /** The segment as sent. */
  String encoded() {
    return encoded.toString();
  }
}
