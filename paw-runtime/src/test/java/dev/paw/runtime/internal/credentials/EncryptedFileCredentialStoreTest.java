package dev.paw.runtime.internal.credentials;

import static dev.paw.runtime.internal.credentials.CredentialStoreFixtures.key;
import static dev.paw.runtime.internal.credentials.CredentialStoreFixtures.pocket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStoreException;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.pocket.PawHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileCredentialStoreTest {

  private static final String VALUE = "sk_live_51HxQe_VerySecretValue";

  @TempDir Path home;

  private CredentialScope stripe;
  private EncryptedFileCredentialStore store;

  @BeforeEach
  void setUp() {
    stripe = CredentialScope.of(pocket(home, "My Business"), "stripe");
    store = new EncryptedFileCredentialStore(PawHome.at(home), key((byte) 1));
  }

  @Test
  void storesAndReadsBack() {
    store.put(stripe, "STRIPE_API_KEY", Secret.of(VALUE));

    assertThat(store.get(stripe, "STRIPE_API_KEY")).map(Secret::reveal).contains(VALUE);
    assertThat(store.names(stripe)).containsExactly("STRIPE_API_KEY");
    assertThat(
            new EncryptedFileCredentialStore(PawHome.at(home), key((byte) 1))
                .get(stripe, "STRIPE_API_KEY"))
        .map(Secret::reveal)
        .contains(VALUE);
  }

  @Test
  void nothingUnderHomeHoldsTheValueInClear() throws Exception {
    store.put(stripe, "STRIPE_API_KEY", Secret.of(VALUE));

    try (var files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.toString()).doesNotContain(VALUE).doesNotContain("VerySecret");
      }
    }
  }

  @Test
  void eachWriteUsesAFreshIv() throws Exception {
    store.put(stripe, "A", Secret.of(VALUE));
    String first = entry("A").toString();
    store.put(stripe, "A", Secret.of(VALUE));

    assertThat(entry("A").toString()).isNotEqualTo(first);
  }

  @Test
  void aWrongKeyFailsClearlyWithoutShowingTheValue() {
    store.put(stripe, "STRIPE_API_KEY", Secret.of(VALUE));
    EncryptedFileCredentialStore other =
        new EncryptedFileCredentialStore(PawHome.at(home), key((byte) 2));

    assertThatThrownBy(() -> other.get(stripe, "STRIPE_API_KEY"))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageContaining("STRIPE_API_KEY")
        .hasMessageContaining("master key")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void aCiphertextMovedToAnotherScopeDoesNotDecrypt() throws Exception {
    CredentialScope github = CredentialScope.of(pocket(home, "My Business"), "github");
    store.put(stripe, "STRIPE_API_KEY", Secret.of(VALUE));
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file().toFile());
    ObjectNode connectors = (ObjectNode) root.get("connectors");
    connectors
        .putObject("github")
        .set("GITHUB_TOKEN", connectors.get("stripe").get("STRIPE_API_KEY"));
    ((ObjectNode) connectors.get("stripe"))
        .set("RENAMED", connectors.get("stripe").get("STRIPE_API_KEY"));
    Files.write(file(), new ObjectMapper().writeValueAsBytes(root));

    assertThatThrownBy(() -> store.get(github, "GITHUB_TOKEN"))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageStartingWith(
            "cannot decrypt credential 'GITHUB_TOKEN' of connector 'github' in pocket"
                + " 'My Business': ")
        .hasMessageNotContaining(VALUE);
    assertThatThrownBy(() -> store.get(stripe, "RENAMED"))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageStartingWith(
            "cannot decrypt credential 'RENAMED' of connector 'stripe' in pocket 'My Business': ")
        .hasMessageNotContaining(VALUE);
    assertThat(store.get(stripe, "STRIPE_API_KEY")).map(Secret::reveal).contains(VALUE);
  }

  @Test
  void aCiphertextCopiedToAnotherPocketsFileDoesNotDecrypt() throws Exception {
    CredentialScope otherPocket = CredentialScope.of(pocket(home, "Other"), "stripe");
    store.put(stripe, "STRIPE_API_KEY", Secret.of(VALUE));
    Files.copy(file(), store.file(otherPocket));

    assertThatThrownBy(() -> store.get(otherPocket, "STRIPE_API_KEY"))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageStartingWith(
            "cannot decrypt credential 'STRIPE_API_KEY' of connector 'stripe' in pocket 'Other': ")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void scopesAreSeparate() {
    CredentialScope otherPocket = CredentialScope.of(pocket(home, "Other"), "stripe");
    CredentialScope otherConnector = CredentialScope.of(pocket(home, "My Business"), "github");
    store.put(stripe, "STRIPE_API_KEY", Secret.of(VALUE));

    assertThat(store.get(otherPocket, "STRIPE_API_KEY")).isEmpty();
    assertThat(store.get(otherConnector, "STRIPE_API_KEY")).isEmpty();
    assertThat(store.names(otherConnector)).isEmpty();
  }

  @Test
  void deleteAndDeleteAll() {
    store.put(stripe, "A", Secret.of("aaaa"));
    store.put(stripe, "B", Secret.of("bbbb"));

    assertThat(store.delete(stripe, "A")).isTrue();
    assertThat(store.delete(stripe, "A")).isFalse();
    assertThat(store.names(stripe)).containsExactly("B");
    store.deleteAll(stripe);
    assertThat(store.names(stripe)).isEmpty();
  }

  @Test
  void filesAreOwnerOnlyAndWrittenWithoutLeftovers() throws Exception {
    assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"));
    store.put(stripe, "A", Secret.of(VALUE));
    store.put(stripe, "B", Secret.of(VALUE));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("credentials"))))
        .isEqualTo("rwx------");
    try (var files = Files.list(home.resolve("credentials"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("my-business.json", "my-business.lock");
    }
  }

  @Test
  void concurrentWritersLoseNoUpdate() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String name = "KEY_" + i;
        // a second store instance on the same file, as a second connection would have
        EncryptedFileCredentialStore writer =
            i % 2 == 0 ? store : new EncryptedFileCredentialStore(PawHome.at(home), key((byte) 1));
        writes.add(pool.submit(() -> writer.put(stripe, name, Secret.of("value-" + name))));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(store.names(stripe)).hasSize(24);
    assertThat(store.get(stripe, "KEY_7")).map(Secret::reveal).contains("value-KEY_7");
  }

  @Test
  void pocketDbNeverHoldsCredentials() throws Exception {
    store.put(stripe, "STRIPE_API_KEY", Secret.of(VALUE));
    StringBuilder everything = new StringBuilder();
    try (Connection c = PocketDatabase.open(pocket(home, "My Business"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM _paw_connections")) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          everything.append(rs.getString(i));
        }
      }
    }
    assertThat(everything.toString()).doesNotContain(VALUE);
  }

  private Path file() {
    return store.file(stripe);
  }

  private ObjectNode entry(String name) throws Exception {
    return (ObjectNode)
        new ObjectMapper().readTree(file().toFile()).get("connectors").get("stripe").get(name);
  }
}
