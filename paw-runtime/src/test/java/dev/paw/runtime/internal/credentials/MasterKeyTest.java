package dev.paw.runtime.internal.credentials;

import static dev.paw.runtime.internal.credentials.CredentialStoreFixtures.pocket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStoreException;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.PawHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

  /** Few iterations keep the test fast; the derivation is the same. */
  private static final int FAST = 1_000;

  @TempDir Path home;

  @Test
  void aKeyFileIsCreatedOwnerOnlyAndReused() throws Exception {
    assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"));
    MasterKey first = MasterKey.resolve(PawHome.at(home), Map.of(), FAST);
    Path file = home.resolve("master.key");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(roundTrip(first, MasterKey.resolve(PawHome.at(home), Map.of(), FAST))).isTrue();
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"));
    MasterKey.resolve(PawHome.at(home), Map.of(), FAST);
    Files.setPosixFilePermissions(
        home.resolve("master.key"), PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> MasterKey.resolve(PawHome.at(home), Map.of(), FAST))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aBase64KeyInTheEnvironmentIsUsedAsIs() {
    byte[] raw = new byte[32];
    raw[0] = 7;
    Map<String, String> env = Map.of("PAW_MASTER_KEY", Base64.getEncoder().encodeToString(raw));

    assertThat(roundTrip(MasterKey.resolve(PawHome.at(home), env, FAST), MasterKey.of(raw)))
        .isTrue();
    assertThat(home.resolve("master.key")).doesNotExist();
  }

  @Test
  void aPassphraseIsStretchedWithAStoredSalt() {
    Map<String, String> env = Map.of("PAW_MASTER_KEY", "correct horse battery staple");
    MasterKey first = MasterKey.resolve(PawHome.at(home), env, FAST);

    assertThat(home.resolve("master.salt")).exists();
    assertThat(roundTrip(first, MasterKey.resolve(PawHome.at(home), env, FAST))).isTrue();
    assertThat(
            roundTrip(
                first,
                MasterKey.resolve(
                    PawHome.at(home), Map.of("PAW_MASTER_KEY", "a different passphrase"), FAST)))
        .isFalse();
  }

  @Test
  void aShortPassphraseIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> MasterKey.resolve(PawHome.at(home), Map.of("PAW_MASTER_KEY", "hunter2"), FAST))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void toStringNamesTheOriginNotTheKey() {
    assertThat(MasterKey.of(new byte[32]).toString()).isEqualTo("MasterKey{from given bytes}");
  }

  /** True when what {@code a} encrypts, {@code b} decrypts. */
  private boolean roundTrip(MasterKey a, MasterKey b) {
    CredentialScope scope = CredentialScope.of(pocket(home, "p"), "c");
    new EncryptedFileCredentialStore(PawHome.at(home), a).put(scope, "K", Secret.of("value"));
    try {
      return new EncryptedFileCredentialStore(PawHome.at(home), b).get(scope, "K").isPresent();
    } catch (CredentialStoreException e) {
      return false;
    }
  }
}
