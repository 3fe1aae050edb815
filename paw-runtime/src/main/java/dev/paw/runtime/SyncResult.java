package dev.paw.runtime;

import java.time.Duration;

/**
 * What one sync run of one table did. A run that failed is not returned but thrown: a {@link
 * SyncFailedException} carries its result, with {@link #error} set.
 *
 * @param inserted rows that did not exist before
 * @param updated rows whose values changed
 * @param unchanged records seen again with the same values
 * @param deleted rows removed because the source no longer has them ({@code replace} mode)
 * @param records every record read from the source in this run
 * @param pages pages fetched in this run
 * @param complete false when the run stopped early (page cap, failure); the checkpoint lets the
 *     next run resume
 * @param error why the run failed; {@code null} on every result a sync returns
 */
public record SyncResult(
    String table,
    long inserted,
    long updated,
    long unchanged,
    long deleted,
    long records,
    long pages,
    Duration duration,
    boolean complete,
    String error) {

  /**
   * A run that failed before it read anything: nothing changed, and the checkpoint is where it was.
   */
  public static SyncResult failed(String table, Duration duration, String error) {
    return new SyncResult(table, 0, 0, 0, 0, 0, 0, duration, false, error);
  }

  /**
   * This result with {@code error} instead of its own (e.g. the same error with secrets masked).
   */
  public SyncResult withError(String error) {
    return new SyncResult(
        table, inserted, updated, unchanged, deleted, records, pages, duration, complete, error);
  }

  public boolean failed() {
    return error != null;
  }

  /** Rows inserted, updated or deleted. */
  public long changed() {
    return inserted + updated + deleted;
  }
}
