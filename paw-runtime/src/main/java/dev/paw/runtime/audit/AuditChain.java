package dev.paw.runtime.audit;

import dev.paw.runtime.internal.credentials.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * How a row's hash links it to the row before. New rows are keyed: {@code hmac:} and HMAC-SHA256 of the previous
 * hash and the row's canonical form, under a key derived from the master key and the pocket, so that nobody without
 * the master key can write a row that verifies, nor rewrite the trail consistently. Rows written before the chain
 * was keyed carry a bare SHA-256, which anyone can recompute; they still verify, and the first keyed row after them
 * seals them, since its HMAC covers their last hash, which covers every row before it.
 */
final class AuditChain {

  static final String KEYED = "hmac:";
  /** Versioned, so that a future chain gets a key of its own. */
  private static final String LABEL = "paw audit chain v1 ";

  private final SecretKey key;

  private AuditChain(SecretKey key) {
    this.key = key;
  }

  /** The chain of {@code pocketSlug}'s trail under {@code master}. */
  static AuditChain of(MasterKey master, String pocketSlug) {
    return new AuditChain(master.derive(LABEL + pocketSlug));
  }

  static boolean isKeyed(String hash) {
    return hash.startsWith(KEYED);
  }

  /** The hash a new row gets: always keyed. */
  String link(String previous, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(previous.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '\n');
      return KEYED + HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** True when {@code stored} is the right keyed or unkeyed hash of the row; compared in constant time. */
  boolean matches(String previous, String canonical, String stored) {
    String expected = isKeyed(stored) ? link(previous, canonical) : unkeyed(previous, canonical);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        stored.getBytes(StandardCharsets.US_ASCII));
  }

  /** The hash of rows written before the chain was keyed. */
  static String unkeyed(String previous, String canonical) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous.getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) '\n');
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
