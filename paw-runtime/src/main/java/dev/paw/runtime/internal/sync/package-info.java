/**
 * Internal, no compatibility promise. The sync engine: streams pages, maps records, and upserts
 * each page with its checkpoint in one SQLite transaction. {@link
 * dev.paw.runtime.internal.sync.SyncEngine} runs a {@code SyncRun}, which pages and handles
 * failures; {@code PageCommit} commits a page's rows with the {@code SyncState} after it (the
 * cursor, the run in progress, the last run), which {@code SyncStateStore} keeps in {@code
 * _paw_sync_state}.
 */
package dev.paw.runtime.internal.sync;
