package dev.paw.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The declared type of an action parameter. PocketPaw files write arrays as {@code object}. */
public enum ParamType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when {@code value} (a value as the spec model holds it) is of this type. */
  public boolean accepts(Object value) {
    return switch (this) {
      case STRING -> value instanceof String;
      case INTEGER -> value instanceof Long;
      case NUMBER -> value instanceof Long || value instanceof Double;
      case BOOLEAN -> value instanceof Boolean;
      case OBJECT -> value instanceof Map<?, ?> || value instanceof List<?>;
      case ARRAY -> value instanceof List<?>;
    };
  }
}
