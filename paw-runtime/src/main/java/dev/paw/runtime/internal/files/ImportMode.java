package dev.paw.runtime.internal.files;

import java.util.Locale;

/** What {@code import_file} does to a table that already exists. */
public enum ImportMode {
  /** Builds the new table beside the old one and swaps it in when it is complete. */
  REPLACE,
  /** Adds the file's rows; the file's columns must be the table's. */
  APPEND;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ImportMode of(String wireName) {
    for (ImportMode mode : values()) {
      if (mode.wireName().equalsIgnoreCase(wireName.trim())) {
        return mode;
      }
    }
    throw new FileActionException("unknown mode '" + wireName + "'; expected replace or append");
  }
}
