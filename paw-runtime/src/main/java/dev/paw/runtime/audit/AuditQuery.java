package dev.paw.runtime.audit;

import java.time.Instant;

/**
 * Which entries {@link AuditLog#read} returns: newest first, optionally since a time, for one
 * connector, of one kind, at most {@code limit}. Immutable; each method returns a narrowed copy.
 */
public record AuditQuery(Instant since, String connector, AuditKind kind, int limit) {

  public static final int DEFAULT_LIMIT = 100;

  public AuditQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("an audit query's limit must be at least 1, not " + limit);
    }
  }

  /** The newest {@value #DEFAULT_LIMIT} entries. */
  public static AuditQuery recent() {
    return new AuditQuery(null, null, null, DEFAULT_LIMIT);
  }

  /** Entries at or after {@code time}. */
  public AuditQuery since(Instant time) {
    return new AuditQuery(time, connector, kind, limit);
  }

  public AuditQuery connector(String name) {
    return new AuditQuery(since, name, kind, limit);
  }

  public AuditQuery kind(AuditKind value) {
    return new AuditQuery(since, connector, value, limit);
  }

  public AuditQuery limit(int value) {
    return new AuditQuery(since, connector, kind, value);
  }
}
