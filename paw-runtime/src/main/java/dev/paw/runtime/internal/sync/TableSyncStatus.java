package dev.paw.runtime.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pocket knows about one synced table: its last run and whether a run is under way or was cut off (and
 * will resume).
 *
 * @param lastOutcome {@code ok} or {@code error}; {@code null} before the first run ended
 * @param lastRows rows inserted, updated or deleted by the last complete run
 * @param inProgress a run started and has not completed: running now, or cut off and resumable
 */
public record TableSyncStatus(String table, String connector, Instant lastStartedAt, Instant lastFinishedAt,
    String lastOutcome, String lastError, long lastRecords, long lastRows, boolean inProgress) {

  /** The status of every table synced in the pocket behind {@code connection}, by table name. */
  public static List<TableSyncStatus> read(Connection connection) throws SQLException {
    SyncStateStore store = new SyncStateStore(connection);
    List<TableSyncStatus> all = new ArrayList<>();
    for (SyncState s : store.loadAll()) {
      SyncState.Counts last = s.last();
      all.add(new TableSyncStatus(s.table(), s.connector(), s.lastStartedAt(), s.lastFinishedAt(), s.lastOutcome(),
          s.lastError(), last.records(), last.inserted() + last.updated() + last.deleted(), s.inProgress()));
    }
    return all;
  }
}
