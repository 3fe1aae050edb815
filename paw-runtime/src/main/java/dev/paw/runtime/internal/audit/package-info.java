/**
 * Internal, no compatibility promise. Appending to the audit trail: redacted, timestamped rows
 * chained by a hash keyed under the master key ({@link dev.paw.runtime.internal.audit.AuditWriter},
 * {@link dev.paw.runtime.internal.audit.AuditChain}), and the head file outside {@code pocket.db}
 * that records the newest row ({@link dev.paw.runtime.internal.audit.AuditHeadFile}); and the walk
 * that verifies the chain row by row ({@link dev.paw.runtime.internal.audit.AuditChainWalk}).
 */
package dev.paw.runtime.internal.audit;
