/**
 * The audit trail: an append-only record in each pocket's {@code _paw_audit} table of every connect, disconnect,
 * action and sync. {@link dev.paw.runtime.audit.AuditLog} appends redacted {@link dev.paw.runtime.audit.AuditEvent}s,
 * reads them back with filters, and verifies the hash chain that makes edits, deletions and reordering visible.
 * SQLite triggers refuse UPDATE and DELETE, so changing history takes deliberate tampering, which
 * {@link dev.paw.runtime.audit.AuditLog#verify()} then reports.
 */
package dev.paw.runtime.audit;
