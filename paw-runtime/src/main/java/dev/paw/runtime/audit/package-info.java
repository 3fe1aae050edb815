/**
 * API: the audit trail, an append-only record in each pocket's {@code _paw_audit} table of every
 * connect, disconnect, action and sync. {@link dev.paw.runtime.audit.AuditLog} reads it with
 * filters and verifies the hash chain (keyed under the master key) that makes edits, deletions and
 * reordering visible, and the {@link dev.paw.runtime.audit.AuditHead} kept outside {@code
 * pocket.db} that makes truncation and wholesale rewrites visible; only the runtime appends. SQLite
 * triggers refuse UPDATE and DELETE, so changing history takes deliberate tampering, which {@link
 * dev.paw.runtime.audit.AuditLog#verify()} then reports.
 */
package dev.paw.runtime.audit;
