package dev.paw.spec;

/** The declared type of an action parameter. PocketPaw files write arrays as {@code object}. */
public enum ParamType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True when {@code value} (a value as the spec model holds it) is of this type. */
  public boolean accepts(Object value) {
    return switch (this) {
      case STRING -> value instanceof String;
      case INTEGER -> value instanceof Long;
      case NUMBER -> value instanceof Long || value instanceof Double;
      case BOOLEAN -> value instanceof Boolean;
      case OBJECT -> value instanceof java.util.Map<?, ?> || value instanceof java.util.List<?>;
      case ARRAY -> value instanceof java.util.List<?>;
    };
  }
}
