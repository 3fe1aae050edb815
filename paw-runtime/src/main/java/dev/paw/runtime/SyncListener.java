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
   * @param deletedKeys primary keys of the rows this commit deleted, when it knows them (a change
   *     feed's deletes); a sweep at the end of a full run reports only its count in {@code deleted}
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
      boolean runComplete,
      List<Object> deletedKeys) {

    public TableChange {
      changedKeys = Collections.unmodifiableList(new ArrayList<>(changedKeys));
      deletedKeys = Collections.unmodifiableList(new ArrayList<>(deletedKeys));
    }

    /** A change that names no deleted key. */
    public TableChange(
        String pocket,
        String connector,
        String table,
        long records,
        long inserted,
        long updated,
        long deleted,
        List<Object> changedKeys,
        boolean runComplete) {
      this(
          pocket,
          connector,
          table,
          records,
          inserted,
          updated,
          deleted,
          changedKeys,
          runComplete,
          List.of());
    }
  }
}
