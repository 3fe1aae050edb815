package dev.paw.runtime.audit;

import java.time.Instant;

/**
 * One stored audit row: redacted, timestamped and chained.
 *
 * @param seq the row's position in the pocket's trail, from 1
 * @param parametersJson the redacted parameters as a JSON object
 * @param trustLevel {@code auto}, {@code confirm} or {@code restricted}, or {@code null} when not
 *     an action
 * @param decision {@code auto}, {@code approved}, {@code admin_approved} or {@code denied}, or
 *     {@code null}
 * @param hash SHA-256 of the previous row's hash and this row's canonical form, hex
 */
public record AuditEntry(
    long seq,
    Instant time,
    String pocket,
    String connector,
    AuditKind kind,
    String target,
    String parametersJson,
    String trustLevel,
    String decision,
    AuditOutcome outcome,
    String error,
    long durationMillis,
    String actor,
    String previousHash,
    String hash) {}
