package dev.paw.cli;

import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A pocket's administrator secret: what approves {@code restricted} actions at the terminal. Only a
 * salted, slow hash is kept (in the encrypted credential store), so even the store's key does not
 * reveal the secret.
 */
final class AdminSecret {

  /** The credential scope's connector name and the credential that hold the hash. */
  static final String SCOPE = "paw_admin";

  static final String HASH = "ADMIN_SECRET_HASH";
  static final int MIN_LENGTH = 12;
  private static final int ITERATIONS = 210_000;

  private final ScopedCredentials store;

  AdminSecret(ScopedCredentials store) {
    this.store = store;
  }

  boolean isSet() {
    return store.get(HASH).isPresent();
  }

  void set(char[] secret) {
    if (secret.length < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "an administrator secret needs at least " + MIN_LENGTH + " characters");
    }
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    store.put(
        HASH,
        Secret.of(
            "pbkdf2-sha256$"
                + ITERATIONS
                + "$"
                + b64(salt)
                + "$"
                + b64(hash(secret, salt, ITERATIONS))));
  }

  /** True when {@code secret} is the pocket's administrator secret. */
  boolean matches(char[] secret) {
    String stored = store.get(HASH).map(Secret::reveal).orElse(null);
    if (stored == null || secret == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, hash(secret, salt, Integer.parseInt(parts[1])));
  }

  private static byte[] hash(char[] secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }

  static void wipe(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }
}
