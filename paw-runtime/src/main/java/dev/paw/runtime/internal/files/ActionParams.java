package dev.paw.runtime.internal.files;

import java.util.Map;

/** Reads a {@code LOCAL} action's parameters (keyed by wire name) with the connector's defaults. */
final class ActionParams {

  private final String action;
  private final Map<String, ?> params;

  ActionParams(String action, Map<String, ?> params) {
    this.action = action;
    this.params = params == null ? Map.of() : params;
  }

  String required(String name) {
    String value = string(name, null);
    if (value == null || value.isBlank()) {
      throw new FileActionException(action + ": parameter '" + name + "' is required");
    }
    return value;
  }

  String string(String name, String fallback) {
    Object value = params.get(name);
    return value == null ? fallback : value.toString();
  }

  int integer(String name, int fallback) {
    Object value = params.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number) {
      return ((Number) value).intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new FileActionException(
          action + ": parameter '" + name + "' must be an integer, not '" + value + "'");
    }
  }

  boolean bool(String name, boolean fallback) {
    Object value = params.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new FileActionException(
        action + ": parameter '" + name + "' must be true or false, not '" + value + "'");
  }
}
