package dev.paw.runtime.internal.sync;

import java.time.Instant;

/**
 * A table's sync checkpoint, as {@code _paw_sync_state} holds it: the incremental cursor of the
 * last complete run, and, while a run is in progress (or was cut off), where it is and what it has
 * done so far.
 *
 * @param cursor the highest incremental cursor value committed by a complete run (JSON text), or
 *     {@code null}
 * @param runId the run in progress, or {@code null}
 * @param runFloor the cursor the run in progress filters from (JSON text), or {@code null}
 * @param runMax the highest cursor value the run in progress has seen (JSON text), or {@code null}
 * @param position where the run in progress continues
 */
record SyncState(
    String connector,
    String table,
    String cursor,
    String runId,
    String runFloor,
    String runMax,
    PagePosition position,
    Counts run,
    Instant lastStartedAt,
    Instant lastFinishedAt,
    String lastOutcome,
    String lastError,
    Counts last) {

  /** What a run did. */
  record Counts(
      long inserted, long updated, long unchanged, long deleted, long records, long pages) {
    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    Counts plus(Counts other) {
      return new Counts(
          inserted + other.inserted,
          updated + other.updated,
          unchanged + other.unchanged,
          deleted + other.deleted,
          records + other.records,
          pages + other.pages);
    }
  }

  static SyncState fresh(String connector, String table) {
    return new SyncState(
        connector,
        table,
        null,
        null,
        null,
        null,
        PagePosition.FIRST,
        Counts.ZERO,
        null,
        null,
        null,
        null,
        Counts.ZERO);
  }

  boolean inProgress() {
    return runId != null;
  }
}
