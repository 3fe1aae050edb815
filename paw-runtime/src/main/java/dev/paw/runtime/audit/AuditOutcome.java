package dev.paw.runtime.audit;

import java.util.Locale;

/** How the recorded operation ended. */
public enum AuditOutcome {
  /** It succeeded. */
  OK,
  /** It ran and failed. */
  ERROR,
  /** The trust gate refused it; nothing was sent. */
  REFUSED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AuditOutcome parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
