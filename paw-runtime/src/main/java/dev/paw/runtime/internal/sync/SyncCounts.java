package dev.paw.runtime.internal.sync;

import dev.paw.runtime.SyncResult;
import java.time.Duration;

/** What a run did: the counts a {@link SyncResult} reports and {@code _paw_sync_state} keeps. */
record SyncCounts(
    long inserted, long updated, long unchanged, long deleted, long records, long pages) {

  static final SyncCounts ZERO = new SyncCounts(0, 0, 0, 0, 0, 0);

  /** The counts of one committed page. */
  static SyncCounts page(long inserted, long updated, long unchanged, long records) {
    return new SyncCounts(inserted, updated, unchanged, 0, records, 1);
  }

  SyncCounts plus(SyncCounts other) {
    return new SyncCounts(
        inserted + other.inserted,
        updated + other.updated,
        unchanged + other.unchanged,
        deleted + other.deleted,
        records + other.records,
        pages + other.pages);
  }

  SyncCounts plusDeleted(long rows) {
    return plus(new SyncCounts(0, 0, 0, rows, 0, 0));
  }

  SyncResult result(String table, Duration duration, boolean complete, String error) {
    return new SyncResult(
        table, inserted, updated, unchanged, deleted, records, pages, duration, complete, error);
  }
}
