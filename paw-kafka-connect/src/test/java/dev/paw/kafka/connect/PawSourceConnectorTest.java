package dev.paw.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.kafka.connect.internal.PawConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PawSourceConnectorTest {

  private static final Path STRIPE =
      Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors/stripe.yaml");

  @TempDir Path temp;

  private static Map<String, String> stripe() {
    Map<String, String> config = new HashMap<>();
    config.put("paw.connector", "stripe");
    config.put("paw.connector.path", STRIPE.toString());
    config.put("paw.credential.STRIPE_API_KEY", "sk_test_unit_7731");
    return config;
  }

  @Test
  void streamsAreDealtOverTasksAndNoTaskIsEmpty() {
    PawSourceConnector connector = new PawSourceConnector();
    connector.start(stripe());
    List<Map<String, String>> two = connector.taskConfigs(2);
    assertThat(two).hasSize(2);
    assertThat(two)
        .extracting(t -> t.get(PawConfig.TASK_STREAMS))
        .containsExactly("stripe_invoices,stripe_charges", "stripe_customers");
    assertThat(connector.taskConfigs(50)).hasSize(3);
    assertThat(two.get(0)).containsEntry("paw.credential.STRIPE_API_KEY", "sk_test_unit_7731");
  }

  @Test
  void exactlyOnceAndTransactionBoundariesAreSupported() {
    PawSourceConnector connector = new PawSourceConnector();
    assertThat(connector.exactlyOnceSupport(stripe())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    assertThat(connector.canDefineTransactionBoundaries(stripe()))
        .isEqualTo(ConnectorTransactionBoundaries.SUPPORTED);
  }

  @Test
  void aMissingCredentialIsAConfigErrorThatNamesTheKeyToSet() {
    Map<String, String> config = stripe();
    config.remove("paw.credential.STRIPE_API_KEY");
    assertThat(errors(config, "paw.connector"))
        .singleElement()
        .asString()
        .contains("paw.credential.STRIPE_API_KEY");
    assertThatThrownBy(() -> new PawSourceConnector().start(config))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void onlyAutoActionsMayFeedAStream() throws Exception {
    String file =
        Files.readString(STRIPE)
            .replaceFirst("(?s)(- name: list_customers.*?trust_level: )auto", "$1confirm");
    Path edited = temp.resolve("stripe.yaml");
    Files.writeString(edited, file);
    Map<String, String> config = stripe();
    config.put("paw.connector.path", edited.toString());
    config.put("paw.streams", "stripe_customers");
    assertThat(errors(config, "paw.streams"))
        .singleElement()
        .asString()
        .contains("'list_customers', whose trust level is confirm");
  }

  @Test
  void theCredentialIsAPasswordThatNoConfigTextShows() {
    PawConfig config = new PawConfig(stripe());
    assertThat(config.credentials().get("STRIPE_API_KEY").value()).isEqualTo("sk_test_unit_7731");
    assertThat(config.credentials().toString()).doesNotContain("sk_test_unit_7731");
    assertThat(config.toString()).doesNotContain("sk_test_unit_7731");
  }

  private static List<String> errors(Map<String, String> config, String key) {
    return new PawSourceConnector()
        .validate(config).configValues().stream()
            .filter(v -> v.name().equals(key))
            .findFirst()
            .map(ConfigValue::errorMessages)
            .orElseThrow();
  }
}
