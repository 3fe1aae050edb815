package dev.paw.runtime.internal.sync;

import dev.paw.runtime.pocket.Pocket.TableSyncStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the sync state of a pocket's tables as the host sees it ({@link TableSyncStatus}). */
public final class SyncStatuses {

  private SyncStatuses() {}

  /** The status of every table synced in the pocket behind {@code connection}, by table name. */
  public static List<TableSyncStatus> read(Connection connection) throws SQLException {
    SyncStateStore store = new SyncStateStore(connection);
    List<TableSyncStatus> all = new ArrayList<>();
    for (SyncState s : store.loadAll()) {
      SyncState.LastRun last = s.last();
      SyncCounts counts = last.counts();
      all.add(
          new TableSyncStatus(
              s.table(),
              s.connector(),
              last.startedAt(),
              last.finishedAt(),
              last.outcome() == null ? null : last.outcome().text(),
              last.error(),
              counts.records(),
              counts.inserted() + counts.updated() + counts.deleted(),
              s.inProgress()));
    }
    return all;
  }
}
