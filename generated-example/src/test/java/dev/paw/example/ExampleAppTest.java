package dev.paw.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.example.connectors.stripe.StripeConnector;
import dev.paw.example.connectors.stripe.StripeCustomersRow;
import dev.paw.runtime.CompiledConnector;
import dev.paw.runtime.mapping.JsonColumns;
import dev.paw.spec.ConnectorLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's typed sync and typed action run for real against the local API, as the README shows
 * them.
 */
class ExampleAppTest {

  @Test
  void syncsTypedRowsAndCreatesAnApprovedInvoice(@TempDir Path home) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<StripeCustomersRow> rows;
    try (LocalStripe api = LocalStripe.start(250, "sk_test_example_0000")) {
      rows = new ExampleApp(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(home, api);
    }
    String output = printed.toString(StandardCharsets.UTF_8);

    assertThat(rows).hasSize(250);
    assertThat(rows.get(0))
        .isEqualTo(
            new StripeCustomersRow(
                "cus_0001",
                "owner1@shop.example",
                "Customer 1",
                null,
                -100L,
                "usd",
                false,
                1_700_003_600L,
                JsonColumns.jsonNode("{\"tier\":\"standard\"}")));
    assertThat(output).contains("synced stripe_customers: 250 inserted, 0 updated in 3 pages");
    assertThat(output)
        .containsPattern(
            "newest customers, as typed rows: \\[cus_\\d{4}, cus_\\d{4}, cus_\\d{4}\\]"
                + " \\(HTTP 200\\)");
    assertThat(output).contains("approval asked: ").contains("create_invoice");
    assertThat(output).contains("created invoice in_0001 (draft, due in 30 days)");
    assertThat(output).containsPattern("ACTION\\s+create_invoice\\s+OK\\s+approved");
  }

  @Test
  void theCompiledConnectorIsDiscoverableAndEqualsItsYaml() {
    assertThat(
            ServiceLoader.load(CompiledConnector.class).stream()
                .map(p -> p.type().getName())
                .toList())
        .contains(StripeConnector.class.getName());
    Path yaml = Path.of("..", "connectors", "stripe.yaml");
    assertThat(Files.isRegularFile(yaml)).isTrue();
    // The plugin names files relative to its connectors directory's parent project:
    // "../connectors/stripe.yaml".
    assertThat(StripeConnector.SPEC)
        .isEqualTo(ConnectorLoader.load(yaml, StripeConnector.SOURCE).orThrow());
  }
}
