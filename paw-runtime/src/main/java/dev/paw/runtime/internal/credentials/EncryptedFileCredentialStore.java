package dev.paw.runtime.internal.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.credentials.CredentialStoreException;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.Names;
import dev.paw.runtime.internal.OwnerOnlyFiles;
import dev.paw.runtime.pocket.PawHome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The default credential store: one JSON file per pocket under {@code $PAW_HOME/credentials/}, each
 * value encrypted with AES-256-GCM under the {@link MasterKey}. Every write uses a fresh random
 * 12-byte IV. The associated data binds each ciphertext to its pocket, connector and credential
 * name, so a value copied to another scope fails to decrypt instead of being used there. Credential
 * and connector names are stored in clear (they are not secret); values never are. Files are
 * owner-only and replaced atomically; writers on one file queue behind a file lock, so two
 * processes cannot lose each other's updates.
 */
public final class EncryptedFileCredentialStore implements CredentialStore {

  private static final String FORMAT = "paw-credentials";
  private static final int VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One JVM-wide monitor per file: a FileLock cannot be taken twice by one JVM. */
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  /**
   * The lock files this thread holds, so that a change made inside {@link #exclusively} does not
   * lock again.
   */
  private static final ThreadLocal<Set<Path>> HELD = ThreadLocal.withInitial(HashSet::new);

  private final Path directory;
  private final MasterKey key;
  private final SecureRandom random = new SecureRandom();

  public EncryptedFileCredentialStore(PawHome home, MasterKey key) {
    this.directory = home.credentialsDirectory();
    this.key = key;
  }

  @Override
  public Optional<Secret> get(CredentialScope scope, String name) {
    Names.credential(name);
    JsonNode entry = read(scope).path("connectors").path(scope.connector()).path(name);
    if (entry.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(Secret.of(decrypt(scope, name, entry)));
  }

  @Override
  public void put(CredentialScope scope, String name, Secret value) {
    Names.credential(name);
    update(
        scope,
        connectors -> {
          ObjectNode entries =
              connectors.has(scope.connector())
                  ? (ObjectNode) connectors.get(scope.connector())
                  : connectors.putObject(scope.connector());
          entries.set(name, encrypt(scope, name, value.reveal()));
          return true;
        });
  }

  @Override
  public boolean delete(CredentialScope scope, String name) {
    Names.credential(name);
    boolean[] existed = new boolean[1];
    update(
        scope,
        connectors -> {
          JsonNode entries = connectors.get(scope.connector());
          existed[0] = entries instanceof ObjectNode object && object.remove(name) != null;
          if (entries != null && entries.isEmpty()) {
            connectors.remove(scope.connector());
          }
          return existed[0];
        });
    return existed[0];
  }

  @Override
  public void deleteAll(CredentialScope scope) {
    update(scope, connectors -> connectors.remove(scope.connector()) != null);
  }

  @Override
  public Set<String> names(CredentialScope scope) {
    Set<String> names = new TreeSet<>();
    Iterator<String> fields = read(scope).path("connectors").path(scope.connector()).fieldNames();
    fields.forEachRemaining(names::add);
    return names;
  }

  /** The file that holds a pocket's credentials. */
  Path file(CredentialScope scope) {
    return directory.resolve(scope.pocket() + ".json");
  }

  private interface Change {
    /** Changes the {@code connectors} object in place; returns false when nothing changed. */
    boolean apply(ObjectNode connectors);
  }

  private void update(CredentialScope scope, Change change) {
    Path file = file(scope);
    try {
      exclusively(
          scope,
          () -> {
            ObjectNode root = read(scope).deepCopy();
            ObjectNode connectors =
                root.has("connectors")
                    ? (ObjectNode) root.get("connectors")
                    : root.putObject("connectors");
            if (change.apply(connectors)) {
              OwnerOnlyFiles.writeAtomically(
                  file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            }
            return null;
          });
    } catch (IOException e) {
      throw new CredentialStoreException(
          "cannot write the credentials of " + scope + " to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Holds the pocket's lock file (other processes wait) and its JVM-wide monitor (other threads
   * wait).
   */
  @Override
  public <T> T exclusively(CredentialScope scope, Exclusive<T> work) throws IOException {
    Path lockFile = directory.resolve(scope.pocket() + ".lock");
    synchronized (MONITORS.computeIfAbsent(file(scope), f -> new Object())) {
      if (HELD.get().contains(lockFile)) {
        return work.run();
      }
      OwnerOnlyFiles.createDirectories(directory);
      OwnerOnlyFiles.createFile(lockFile);
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
        channel.lock(); // held until the channel closes
        HELD.get().add(lockFile);
        try {
          return work.run();
        } finally {
          HELD.get().remove(lockFile);
        }
      }
    }
  }

  private ObjectNode read(CredentialScope scope) {
    Path file = file(scope);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      ObjectNode empty = JSON.createObjectNode();
      empty.put("format", FORMAT).put("version", VERSION).putObject("connectors");
      return empty;
    } catch (IOException e) {
      throw new CredentialStoreException(
          "cannot read the credentials file " + file + ": " + e.getMessage(), e);
    }
    try {
      JsonNode root = JSON.readTree(bytes);
      if (!(root instanceof ObjectNode object) || !FORMAT.equals(root.path("format").asText())) {
        throw new CredentialStoreException(
            "the credentials file " + file + " is not a paw credentials file");
      }
      if (root.path("version").asInt() > VERSION) {
        throw new CredentialStoreException(
            "the credentials file "
                + file
                + " was written by a newer paw (format "
                + root.path("version").asInt()
                + ")");
      }
      return object;
    } catch (IOException e) {
      throw new CredentialStoreException("the credentials file " + file + " is not valid JSON", e);
    }
  }

  private ObjectNode encrypt(CredentialScope scope, String name, String value) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(scope, name));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      ObjectNode entry = JSON.createObjectNode();
      entry.put("iv", Base64.getEncoder().encodeToString(iv));
      entry.put("data", Base64.getEncoder().encodeToString(sealed));
      return entry;
    } catch (GeneralSecurityException e) {
      throw new CredentialStoreException("cannot encrypt credential '" + name + "' of " + scope, e);
    }
  }

  private String decrypt(CredentialScope scope, String name, JsonNode entry) {
    try {
      byte[] iv = Base64.getDecoder().decode(entry.path("iv").asText());
      byte[] sealed = Base64.getDecoder().decode(entry.path("data").asText());
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(scope, name));
      return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new CredentialStoreException(
          "cannot decrypt credential '"
              + name
              + "' of "
              + scope
              + ": the master key"
              + " (from "
              + key.origin()
              + ") is not the one it was stored with, or the file was altered",
          e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CredentialStoreException(
          "cannot decrypt credential '" + name + "' of " + scope + ": the entry is" + " damaged",
          e);
    }
  }

  /**
   * Binds a ciphertext to its place: moved to another pocket, connector or name, it no longer
   * decrypts.
   */
  private static byte[] associatedData(CredentialScope scope, String name) {
    return (FORMAT + "/" + VERSION + "|" + scope.pocket() + "|" + scope.connector() + "|" + name)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "EncryptedFileCredentialStore{" + directory + ", key from " + key.origin() + "}";
  }
}
