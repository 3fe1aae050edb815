package dev.paw.runtime.credentials;

import dev.paw.runtime.internal.credentials.Redactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential's value. Printing, logging or comparing it never shows the value: {@link
 * #toString()} is a mask and {@link #equals} is identity, so a secret cannot leak through a log
 * line, an assertion message or a map key. Call {@link #reveal()} where the value is really needed,
 * which makes every such place easy to find.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a value; empty values are refused, since an empty credential is a missing one. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret cannot be empty");
    }
    return new Secret(value);
  }

  /** The value itself. */
  public String reveal() {
    return value;
  }

  /** True when both hold the same value; compares in constant time. */
  public boolean sameValueAs(Secret other) {
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Secret[" + Redactor.MASK + "]";
  }
}
