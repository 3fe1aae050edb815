package dev.paw.runtime.audit;

import java.util.Locale;

/** What an audit entry records. */
public enum AuditKind {
  CONNECT,
  DISCONNECT,
  ACTION,
  SYNC;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AuditKind parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
