package dev.paw.spec;

import java.util.Locale;

/** How a sync writes its records into the table. */
public enum WriteMode {
  /** Insert new rows, update changed ones by primary key, keep the rest. */
  MERGE,
  /**
   * Make the table exactly the source: rows the source no longer has are deleted when the run
   * completes.
   */
  REPLACE,
  /** Add every record as a new row. */
  APPEND;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
