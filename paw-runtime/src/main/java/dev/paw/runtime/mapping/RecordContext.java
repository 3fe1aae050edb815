package dev.paw.runtime.mapping;

import dev.paw.spec.FieldTree;

/**
 * Per-record values a sync needs besides the columns. A mapper sets them while reading a record;
 * the engine reads them after. Reused from record to record, so a page allocates one.
 */
public final class RecordContext {

  /**
   * The value of the paging field ({@code pagination.from}, e.g. the record's id for {@code
   * starting_after}).
   */
  public static final int PAGE_CURSOR = FieldTree.PAGE_CURSOR;

  /** The value of the incremental cursor field ({@code incremental.cursor}). */
  public static final int INCREMENTAL_CURSOR = FieldTree.INCREMENTAL_CURSOR;

  private final Object[] values = new Object[2];

  public void set(int slot, Object value) {
    values[slot] = value;
  }

  public Object get(int slot) {
    return values[slot];
  }

  /** Clears the values before the next record. */
  public void reset() {
    values[PAGE_CURSOR] = null;
    values[INCREMENTAL_CURSOR] = null;
  }
}
