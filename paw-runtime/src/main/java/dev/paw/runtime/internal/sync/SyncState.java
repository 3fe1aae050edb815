package dev.paw.runtime.internal.sync;

import java.time.Instant;
import java.util.Locale;

/**
 * A table's sync checkpoint, as {@code _paw_sync_state} holds it: the incremental cursor of the
 * last complete run, the run in progress (or cut off), if any, and how the last run ended.
 *
 * @param cursor the highest incremental cursor value committed by a complete run (JSON text), or
 *     {@code null}
 * @param run the run in progress, or {@code null} when none is
 * @param last when the last run started and how it ended
 */
record SyncState(String connector, String table, String cursor, Run run, LastRun last) {

  static SyncState fresh(String connector, String table) {
    return new SyncState(connector, table, null, null, LastRun.NONE);
  }

  boolean inProgress() {
    return run != null;
  }

  /** What the run in progress has done, or nothing when none is. */
  SyncCounts runCounts() {
    return run == null ? SyncCounts.ZERO : run.counts();
  }

  /** The cursor the run in progress filters from, or {@code null} for a full run or none. */
  String runFloor() {
    return run == null ? null : run.floor();
  }

  SyncState withCursor(String cursor) {
    return new SyncState(connector, table, cursor, run, last);
  }

  SyncState withRun(Run run) {
    return new SyncState(connector, table, cursor, run, last);
  }

  SyncState withLast(LastRun last) {
    return new SyncState(connector, table, cursor, run, last);
  }

  /**
   * A run in progress: where it continues and what it has done so far.
   *
   * @param floor the cursor the run filters from (JSON text), or {@code null} for a full run
   * @param max the highest cursor value the run has seen (JSON text), or {@code null}
   */
  record Run(String id, String floor, String max, PagePosition position, SyncCounts counts) {

    /** A run from its first page, filtering from {@code floor}. */
    static Run start(String id, String floor) {
      return new Run(id, floor, null, PagePosition.FIRST, SyncCounts.ZERO);
    }

    /** This run, continuing at {@code position} with what it has seen and done so far. */
    Run at(PagePosition position, String max, SyncCounts counts) {
      return new Run(id, floor, max, position, counts);
    }

    /**
     * This run started over from its first page as a full run, keeping its counts; {@code max} is
     * where a change feed continues after it, or {@code null}.
     */
    Run restartedInFull(String max) {
      return new Run(id, null, max, PagePosition.FIRST, counts);
    }
  }

  /** How the last run ended. */
  enum Outcome {
    OK,
    ERROR;

    /** As {@code _paw_sync_state} and {@code TableSyncStatus} spell it. */
    String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Outcome of(String text) {
      return text == null ? null : valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * When the last run started, and when and how it ended.
   *
   * @param outcome {@code null} before a run ended
   * @param error why it failed, or {@code null}
   * @param counts what the last complete run did
   */
  record LastRun(
      Instant startedAt, Instant finishedAt, Outcome outcome, String error, SyncCounts counts) {

    static final LastRun NONE = new LastRun(null, null, null, null, SyncCounts.ZERO);

    LastRun started(Instant at) {
      return new LastRun(at, finishedAt, outcome, error, counts);
    }

    /** A run that completed at {@code at}, having done {@code counts}. */
    LastRun completed(Instant at, SyncCounts counts) {
      return new LastRun(startedAt, at, Outcome.OK, null, counts);
    }

    /** A run that failed at {@code at}; the counts stay those of the last complete run. */
    LastRun failed(Instant at, String error) {
      return new LastRun(startedAt, at, Outcome.ERROR, error, counts);
    }
  }
}
