package dev.paw.runtime;

/**
 * Told after each commit of a sync what it changed in the pocket: how pocket widgets know to refresh. Called on the
 * syncing thread after the data is durable; a listener that throws does not affect the sync.
 */
@FunctionalInterface
public interface SyncListener {

  void onChange(TableChange change);

  /** A listener that ignores every change. */
  SyncListener NONE = change -> { };
}
