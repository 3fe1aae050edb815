package dev.paw.runtime.pocket;

import java.time.Instant;

/**
 * What the pocket knows about one synced table: its last run and whether a run is under way or was cut off (and
 * will resume).
 *
 * @param lastOutcome {@code ok} or {@code error}; {@code null} before the first run ended
 * @param lastRows rows inserted, updated or deleted by the last complete run
 * @param inProgress a run started and has not completed: running now, or cut off and resumable
 */
public record TableSyncStatus(String table, String connector, Instant lastStartedAt, Instant lastFinishedAt,
    String lastOutcome, String lastError, long lastRecords, long lastRows, boolean inProgress) {}
