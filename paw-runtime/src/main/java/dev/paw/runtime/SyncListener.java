package dev.paw.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Told after each commit of a sync what it changed in the pocket: how pocket widgets know to
 * refresh. Called on the syncing thread after the data is durable; a listener that throws does not
 * affect the sync.
 */
@FunctionalInterface
public interface SyncListener {

  void onChange(TableChange change);

  /** A listener that ignores every change. */
  SyncListener NONE = change -> {};

  /**
   * What one committed page (or the end of a run) changed in a synced table.
   *
   * @param records records read from the source for this commit
   * @param changedKeys primary keys of the rows inserted or updated by this commit (composite keys
   *     as lists)
   * @param runComplete true for the commit that completed the run (it may also delete rows, in
   *     replace mode)
   */
  record TableChange(
      String pocket,
      String connector,
      String table,
      long records,
      long inserted,
      long updated,
      long deleted,
      List<Object> changedKeys,
      boolean runComplete) {

    public TableChange {
      changedKeys = Collections.unmodifiableList(new ArrayList<>(changedKeys));
    }
  }
}
