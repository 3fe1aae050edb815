package dev.paw.spec;

import java.util.Locale;

/** How much human oversight an action needs before the runtime lets it reach the network. */
public enum TrustLevel {
  /** Runs without asking. */
  AUTO,
  /** Runs only after an approval callback approves this call. */
  CONFIRM,
  /** Runs only with an administrator's approval, which an ordinary approval cannot give. */
  RESTRICTED;

  /** The spelling used in connector files. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
