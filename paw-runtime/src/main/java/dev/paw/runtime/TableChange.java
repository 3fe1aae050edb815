package dev.paw.runtime;

import java.util.List;

/**
 * What one committed page (or the end of a run) changed in a synced table.
 *
 * @param records records read from the source for this commit
 * @param changedKeys primary keys of the rows inserted or updated by this commit (composite keys as lists)
 * @param runComplete true for the commit that completed the run (it may also delete rows, in replace mode)
 */
public record TableChange(String pocket, String connector, String table, long records, long inserted, long updated,
    long deleted, List<Object> changedKeys, boolean runComplete) {

  public TableChange {
    changedKeys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(changedKeys));
  }
}
