package dev.paw.runtime.internal.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.internal.credentials.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * How audit rows are stored and how a row's hash links it to the row before: shared by the writer
 * and by {@code AuditLog}'s verification. New rows are keyed: {@code hmac:} and HMAC-SHA256 of the
 * previous hash and the row's canonical form, under a key derived from the master key and the
 * pocket, so that nobody without the master key can write a row that verifies, nor rewrite the
 * trail consistently. Rows written before the chain was keyed carry a bare SHA-256, which anyone
 * can recompute; they still verify, and the first keyed row after them seals them, since its HMAC
 * covers their last hash, which covers every row before it.
 */
public final class AuditChain {

  /** The {@code prev_hash} of the first row. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * Fixed width, so that text order is time order ({@code Instant.toString} drops zero fractions).
   */
  public static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static final String COLUMNS =
      "seq, time, pocket, connector, kind, target, params, trust_level, decision,"
          + " outcome, error, duration_ms, actor, prev_hash, hash";
  static final String KEYED = "hmac:";

  /** Versioned, so that a future chain gets a key of its own. */
  private static final String LABEL = "paw audit chain v1 ";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretKey key;

  private AuditChain(SecretKey key) {
    this.key = key;
  }

  /** The chain of {@code pocketSlug}'s trail under {@code master}. */
  public static AuditChain of(MasterKey master, String pocketSlug) {
    return new AuditChain(master.derive(LABEL + pocketSlug));
  }

  public static boolean isKeyed(String hash) {
    return hash.startsWith(KEYED);
  }

  /**
   * Every stored field but the hashes, as a JSON array in column order: one byte sequence per row
   * content.
   */
  public static String canonical(AuditEntry e) {
    ArrayNode row = JSON.createArrayNode();
    row.add(e.seq())
        .add(TIME.format(e.time()))
        .add(e.pocket())
        .add(e.connector())
        .add(e.kind().wireName())
        .add(e.target())
        .add(e.parametersJson())
        .add(e.trustLevel())
        .add(e.decision())
        .add(e.outcome().wireName())
        .add(e.error())
        .add(e.durationMillis())
        .add(e.actor());
    return row.toString();
  }

  /** The hash a new row gets: always keyed. */
  public String link(String previous, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(previous.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '\n');
      return KEYED
          + HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /**
   * True when {@code stored} is the right keyed or unkeyed hash of the row; compared in constant
   * time.
   */
  public boolean matches(String previous, String canonical, String stored) {
    String expected = isKeyed(stored) ? link(previous, canonical) : unkeyed(previous, canonical);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
  }

  /** The hash of rows written before the chain was keyed. */
  public static String unkeyed(String previous, String canonical) {
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
