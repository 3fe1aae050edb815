package dev.paw.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the values a spec holds (defaults, enum values, fixed parameters): {@code String},
 * {@code Long}, {@code Double}, {@code Boolean}, and unmodifiable ordered {@code Map}s and {@code
 * List}s of them.
 */
public final class Values {

  private Values() {}

  /** An unmodifiable copy that keeps insertion order (unlike {@link Map#copyOf}). */
  public static <V> Map<String, V> orderedCopy(Map<String, ? extends V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * An ordered, unmodifiable map from alternating keys and values, for generated code: {@code
   * map("a", 1L, "b", true)}. The value type is the caller's to name; the values must be of it.
   */
  @SuppressWarnings("unchecked")
  public static <V> Map<String, V> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "map() takes keys and values in pairs, got " + keysAndValues.length + " items");
    }
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * An unmodifiable list that, unlike {@link List#of}, may hold nulls (JSON null inside an object
   * default). The element type is the caller's to name; the items must be of it.
   */
  @SuppressWarnings("unchecked")
  public static <T> List<T> list(Object... items) {
    return (List<T>) Collections.unmodifiableList(new ArrayList<>(Arrays.asList(items)));
  }

  /** The name of a value's type as a connector file would say it. */
  public static String typeName(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof Long) {
      return "integer";
    } else if (value instanceof Double) {
      return "number";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof List<?>) {
      return "array";
    }
    return "object";
  }
}
