package dev.paw.runtime.internal.credentials;

import dev.paw.runtime.credentials.CredentialStoreException;
import dev.paw.runtime.internal.OwnerOnlyFiles;
import dev.paw.runtime.pocket.PawHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts stored credentials. Resolved in this order:
 *
 * <ol>
 *   <li>{@code PAW_MASTER_KEY} holding base64 of exactly 32 bytes: the key itself;
 *   <li>{@code PAW_MASTER_KEY} holding anything else: a passphrase, stretched with
 *       PBKDF2-HMAC-SHA256 and a random salt kept in {@code $PAW_HOME/master.salt} (the salt is not
 *       secret; it only makes each home's key unique);
 *   <li>otherwise the key file {@code $PAW_HOME/master.key}, created on first use with owner-only
 *       permissions. A key file that others can read is refused, as ssh refuses such a private key.
 * </ol>
 */
public final class MasterKey {

  /** The environment variable that holds the key or a passphrase. */
  public static final String ENV = "PAW_MASTER_KEY";

  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  static final int PBKDF2_ITERATIONS = 600_000;

  static final int MIN_PASSPHRASE_LENGTH = 12;
  private static final int KEY_BYTES = 32;
  private static final int SALT_BYTES = 16;

  private final SecretKey key;
  private final String origin;

  private MasterKey(byte[] bytes, String origin) {
    this.key = new SecretKeySpec(bytes, "AES");
    this.origin = origin;
    Arrays.fill(bytes, (byte) 0);
  }

  /** Resolves the key for {@code home} from {@code env} (normally {@link System#getenv()}). */
  public static MasterKey resolve(PawHome home, Map<String, String> env) {
    return resolve(home, env, PBKDF2_ITERATIONS);
  }

  static MasterKey resolve(PawHome home, Map<String, String> env, int iterations) {
    String configured = env.get(ENV);
    if (configured != null && !configured.isEmpty()) {
      byte[] raw = decodeKey(configured.trim());
      if (raw != null) {
        return new MasterKey(raw, ENV);
      }
      return fromPassphrase(configured, home, iterations);
    }
    return fromKeyFile(home.root().resolve("master.key"));
  }

  /** A key given as 32 bytes (tests, applications that manage keys themselves). */
  public static MasterKey of(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a master key has 32 bytes, not " + key.length);
    }
    return new MasterKey(key.clone(), "given bytes");
  }

  SecretKey key() {
    return key;
  }

  /**
   * A key for another purpose, derived as HMAC-SHA256(master key, {@code label}): one key per
   * label, none of which reveals the master key or another label's key. Give each use its own
   * versioned label.
   */
  public SecretKey derive(String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      byte[] derived = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
      try {
        return new SecretKeySpec(derived, "HmacSHA256");
      } finally {
        Arrays.fill(derived, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Where the key came from ({@code PAW_MASTER_KEY}, a passphrase, the key file), for messages. */
  public String origin() {
    return origin;
  }

  @Override
  public String toString() {
    return "MasterKey{from " + origin + "}";
  }

  private static byte[] decodeKey(String text) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return bytes.length == KEY_BYTES ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static MasterKey fromPassphrase(String passphrase, PawHome home, int iterations) {
    if (passphrase.length() < MIN_PASSPHRASE_LENGTH) {
      throw new CredentialStoreException(
          ENV
              + " is neither a base64 32-byte key nor a passphrase of at least "
              + MIN_PASSPHRASE_LENGTH
              + " characters");
    }
    byte[] salt = readOrCreate(home.root().resolve("master.salt"), SALT_BYTES, "salt");
    char[] chars = passphrase.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BYTES * 8);
    try {
      byte[] derived =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return new MasterKey(derived, "the passphrase in " + ENV);
    } catch (GeneralSecurityException e) {
      throw new CredentialStoreException(
          "cannot derive the master key from " + ENV + ": " + e.getMessage(), e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }

  private static MasterKey fromKeyFile(Path file) {
    byte[] bytes = readOrCreate(file, KEY_BYTES, "key");
    return new MasterKey(bytes, file.toString());
  }

  /**
   * Reads a base64 file of {@code size} random bytes, creating it owner-only first if it does not
   * exist.
   */
  private static byte[] readOrCreate(Path file, int size, String what) {
    try {
      OwnerOnlyFiles.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        byte[] fresh = new byte[size];
        new SecureRandom().nextBytes(fresh);
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        OwnerOnlyFiles.createFile(temp);
        // on disk before it is linked into place: credentials encrypted under a key that a crash
        // then lost could
        // never be read again
        OwnerOnlyFiles.writeToDisk(temp, Base64.getEncoder().encode(fresh));
        try {
          // a hard link never replaces: when two processes race, the first key wins and the other
          // reads it
          Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
          // another process created it first
        } catch (UnsupportedOperationException e) {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(temp);
        }
        OwnerOnlyFiles.syncDirectory(file.getParent());
      }
      if (OwnerOnlyFiles.isOpenToOthers(file)) {
        throw new CredentialStoreException(
            "the master "
                + what
                + " file "
                + file
                + " can be read by other users;"
                + " make it private (chmod 600) or move it away to start afresh");
      }
      byte[] decoded =
          Base64.getDecoder()
              .decode(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim());
      if (decoded.length != size) {
        throw new CredentialStoreException(
            "the master " + what + " file " + file + " does not hold " + size + " base64 bytes");
      }
      return decoded;
    } catch (IOException | IllegalArgumentException e) {
      throw new CredentialStoreException(
          "cannot read or create the master " + what + " file " + file + ": " + e.getMessage(), e);
    }
  }
}
