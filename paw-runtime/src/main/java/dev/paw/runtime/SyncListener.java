package dev.paw.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Told after each commit of a sync what it changed in the pocket: how pocket widgets know to
 * refresh; and, if it wants, how far a sync or a file import has got ({@link #onProgress}), for a
 * progress bar. Called on the working thread; a listener that throws does not affect the work.
 */
@FunctionalInterface
public interface SyncListener {

  void onChange(TableChange change);

  /**
   * Told how far a sync or a file import ({@code csv}'s {@code import_file}) has got: after each
   * page a sync commits, after each batch of rows an import writes, and once at the end. Does
   * nothing unless overridden.
   */
  default void onProgress(Progress progress) {}

  /** A listener that ignores every change. */
  SyncListener NONE = change -> {};

  /**
   * How far one run has got.
   *
   * @param pocket the pocket's slug, as in {@link TableChange}
   * @param connector the connector ({@code csv} for a file import)
   * @param records records read so far in this run
   * @param pages pages committed so far (for an import, batches of rows written)
   * @param bytes bytes of the source read so far, or -1 when not known (a sync)
   * @param totalBytes the source's size in bytes, or -1 when not known (a sync, whose total the API
   *     does not say)
   * @param done true for the run's last report
   */
  record Progress(
      String pocket,
      String connector,
      String table,
      long records,
      long pages,
      long bytes,
      long totalBytes,
      boolean done) {

    /** The fraction done, from 0 to 1, when the total is known. */
    public OptionalDouble fraction() {
      if (totalBytes <= 0 || bytes < 0) {
        return done && totalBytes == 0 ? OptionalDouble.of(1) : OptionalDouble.empty();
      }
      return OptionalDouble.of(Math.min(1.0, (double) bytes / totalBytes));
    }
  }

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
