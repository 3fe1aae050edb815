package dev.paw.runtime.internal.trust;

import dev.paw.spec.TrustLevel;
import java.util.Locale;

/**
 * The trust gate's verdict on one call, as the audit trail records it.
 *
 * @param reason why it was denied, or how it was allowed
 */
public record TrustDecision(TrustLevel level, Outcome outcome, String reason) {

  /** How the call was let through, or that it was not. */
  public enum Outcome {
    /** {@code auto}: no approval needed. */
    AUTO,
    /** {@code confirm}: the approver said yes to this call. */
    APPROVED,
    /** {@code restricted}: an administrator said yes to this call. */
    ADMIN_APPROVED,
    /** Refused: the call must not reach the network. */
    DENIED;

    /** The spelling stored in the audit trail ({@code admin_approved}). */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public boolean allowed() {
    return outcome != Outcome.DENIED;
  }
}
