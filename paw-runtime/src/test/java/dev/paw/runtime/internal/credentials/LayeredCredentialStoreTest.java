package dev.paw.runtime.internal.credentials;

import static dev.paw.runtime.internal.credentials.CredentialStoreFixtures.key;
import static dev.paw.runtime.internal.credentials.CredentialStoreFixtures.pocket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.credentials.CredentialStoreException;
import dev.paw.runtime.credentials.MissingCredentialException;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.PawHome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredCredentialStoreTest {

  @TempDir Path home;

  private CredentialScope scope;
  private EncryptedFileCredentialStore file;

  @BeforeEach
  void setUp() {
    scope = CredentialScope.of(pocket(home, "p"), "stripe");
    file = new EncryptedFileCredentialStore(PawHome.at(home), key((byte) 3));
  }

  @Test
  void theEnvironmentOverridesTheFileAndWritesGoToTheFile() {
    file.put(scope, "STRIPE_API_KEY", Secret.of("from-file"));
    file.put(scope, "OTHER", Secret.of("only-in-file"));
    CredentialStore layered =
        new LayeredCredentialStore(
            new EnvironmentCredentialStore(Map.of("STRIPE_API_KEY", "from-env")), file);

    assertThat(layered.get(scope, "STRIPE_API_KEY")).map(Secret::reveal).contains("from-env");
    assertThat(layered.get(scope, "OTHER")).map(Secret::reveal).contains("only-in-file");

    layered.put(scope, "NEW", Secret.of("written"));
    assertThat(file.get(scope, "NEW")).map(Secret::reveal).contains("written");
    assertThat(layered.names(scope)).containsExactly("NEW", "OTHER", "STRIPE_API_KEY");
  }

  @Test
  void theEnvironmentStoreIsReadOnlyAndIgnoresEmptyValues() {
    // the names carry the connector's prefix: the store no longer reads variables that are not tied
    // to it
    EnvironmentCredentialStore env =
        new EnvironmentCredentialStore(Map.of("STRIPE_A_KEY", "", "STRIPE_B_KEY", "b"));

    assertThat(env.get(scope, "STRIPE_A_KEY")).isEmpty();
    assertThat(env.get(scope, "STRIPE_B_KEY")).map(Secret::reveal).contains("b");
    assertThatThrownBy(() -> env.put(scope, "STRIPE_B_KEY", Secret.of("x")))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void theEnvironmentAnswersOnlyVariablesTiedToTheConnector() {
    EnvironmentCredentialStore env =
        new EnvironmentCredentialStore(
            Map.of(
                "STRIPE_API_KEY",
                "plain",
                "PAW_STRIPE_TOKEN",
                "scoped",
                "TOKEN",
                "someone else's",
                "HOME",
                "/home/u",
                "PAW_MASTER_KEY",
                "master",
                "PAW_ADMIN_SECRET",
                "admin",
                "PAW_STRIPE_STRIPE_API_KEY",
                "scoped wins"));
    CredentialScope master = CredentialScope.of(pocket(home, "q"), "master");
    CredentialScope admin = CredentialScope.of(pocket(home, "q"), "admin");

    assertThat(env.get(scope, "STRIPE_API_KEY")).map(Secret::reveal).contains("scoped wins");
    assertThat(env.get(scope, "TOKEN")).map(Secret::reveal).contains("scoped");
    assertThat(env.get(scope, "HOME")).isEmpty();
    assertThat(env.get(scope, "PAW_MASTER_KEY")).isEmpty();
    // PAW_<CONNECTOR>_<NAME> can spell paw's own variables: those are never read
    assertThat(env.get(master, "KEY")).isEmpty();
    assertThat(env.get(admin, "SECRET")).isEmpty();
    assertThat(EnvironmentCredentialStore.variableFor("stripe", "STRIPE_API_KEY"))
        .isEqualTo("STRIPE_API_KEY");
    assertThat(EnvironmentCredentialStore.variableFor("shop", "TOKEN")).isEqualTo("PAW_SHOP_TOKEN");
  }

  @Test
  void standardStoreUsesPawMasterKeyAndTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "PAW_MASTER_KEY",
            java.util.Base64.getEncoder().encodeToString(new byte[32]),
            "STRIPE_API_KEY",
            "sk_env");
    LayeredCredentialStore standard = LayeredCredentialStore.standard(PawHome.at(home), env);

    assertThat(standard.scoped(scope).require("STRIPE_API_KEY").reveal()).isEqualTo("sk_env");
    assertThatThrownBy(() -> standard.scoped(scope).require("MISSING_TOKEN"))
        .isInstanceOf(MissingCredentialException.class)
        .hasMessageContaining("MISSING_TOKEN");
  }
}
