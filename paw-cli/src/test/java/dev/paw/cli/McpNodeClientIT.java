package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.Paw;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw mcp} (the packaged paw.jar) driven by the official MCP TypeScript SDK over stdio and
 * streamable HTTP against stripe-stateful-mock (src/test/mcp/client.mjs; the Maven build installs
 * both npm packages): tool list and schemas, an auto call, a confirm call declined (nothing reaches
 * the mock) and accepted (exactly one request), a client without elicitation refused, a restricted
 * call refused, a wrong parameter named, resources listed and read, the audit trail, and the canary
 * secret in none of the bytes the client received.
 */
class McpNodeClientIT {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";
  private static final String CANARY = "sk_test_mcpNodeCanary5b2e9d1c";
  private static final String POCKET = "Node Shop";

  @TempDir Path home;

  @Test
  void theTypeScriptSdkClientSeesTrustLevelsKeptOverStdioAndHttp() throws Exception {
    Path modules = Path.of(System.getProperty("paw.node.modules", "target/node/node_modules"));
    assertThat(modules.resolve("@modelcontextprotocol/sdk"))
        .as("the Maven build installs the MCP TypeScript SDK (mvn generate-test-resources)")
        .isDirectory();
    Path script =
        Path.of(System.getProperty("paw.repositoryRoot", ".."))
            .resolve("paw-cli/src/test/mcp/client.mjs");
    // the script imports packages from node_modules next to it: link them in a scratch folder
    Path work = Files.createTempDirectory("paw-mcp-node");
    Files.copy(script, work.resolve("client.mjs"));
    Files.createSymbolicLink(work.resolve("node_modules"), modules.toAbsolutePath());

    ProcessBuilder builder = new ProcessBuilder("node", work.resolve("client.mjs").toString());
    builder.environment().put("PAW_JAR", System.getProperty("paw.jar"));
    builder.environment().put("PAW_HOME", home.toString());
    builder.environment().put("PAW_MASTER_KEY", MASTER_KEY);
    builder.environment().put("POCKET", POCKET);
    builder.environment().put("STRIPE_KEY", CANARY);
    builder.environment().put("NODE_PATH", modules.toAbsolutePath().toString());
    Process node = builder.start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errors =
        new Thread(
            () -> {
              try {
                node.getErrorStream().transferTo(err);
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    errors.start();
    byte[] out = node.getInputStream().readAllBytes();
    assertThat(node.waitFor(240, TimeUnit.SECONDS)).isTrue();
    errors.join(5000);
    assertThat(node.exitValue())
        .as("node client: " + err.toString(StandardCharsets.UTF_8))
        .isZero();
    JsonNode report = new ObjectMapper().readTree(out);

    for (String transport : List.of("stdio", "http")) {
      JsonNode r = report.get(transport);
      String where = transport + ": ";
      assertThat(r.get("toolNames").toString())
          .as(where + "tools")
          .contains(
              "\"query\"", "\"sync\"", "\"stripe_list_customers\"", "\"stripe_create_refund\"");
      assertThat(r.at("/listCustomers/annotations/readOnlyHint").asBoolean()).isTrue();
      assertThat(r.at("/createRefund/annotations/destructiveHint").asBoolean()).isTrue();
      assertThat(r.at("/createInvoice/inputSchema/properties/collection_method/enum").toString())
          .isEqualTo("[\"charge_automatically\",\"send_invoice\"]");
      assertThat(r.at("/createCustomer/inputSchema/additionalProperties").asBoolean(true))
          .isFalse();

      assertThat(r.at("/auto/isError").asBoolean()).as(where + "auto").isFalse();
      assertThat(r.at("/auto/records").asInt()).isGreaterThanOrEqualTo(1);

      assertThat(r.at("/declined/isError").asBoolean()).isTrue();
      assertThat(r.at("/declined/text").asText()).contains("declined", "Nothing was sent");
      assertThat(r.at("/declined/delta").asInt()).as(where + "declined reaches the mock").isZero();

      assertThat(r.at("/accepted/isError").asBoolean())
          .as(r.at("/accepted/text").asText())
          .isFalse();
      assertThat(r.at("/accepted/delta").asInt()).as(where + "accepted: exactly one").isEqualTo(1);
      assertThat(r.at("/asked").size()).isEqualTo(2);
      assertThat(r.at("/asked/0").asText())
          .contains("create_customer", "POST", "declined@example.com");

      assertThat(r.at("/restricted/isError").asBoolean()).isTrue();
      assertThat(r.at("/restricted/text").asText())
          .contains("restricted", "administrator", "Nothing was sent");
      assertThat(r.at("/restricted/delta").asInt()).isZero();
      assertThat(r.at("/restricted/asked").asInt())
          .as(where + "restricted asks nobody")
          .isEqualTo(2);

      assertThat(r.at("/wrongParameter/isError").asBoolean()).isTrue();
      assertThat(r.at("/wrongParameter/text").asText()).contains("limitt");

      assertThat(r.get("resourceNames").toString()).contains("stripe_customers");
      assertThat(r.at("/resource/rowCount").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(r.at("/resource/columns").size()).isPositive();

      assertThat(r.at("/noElicitation/isError").asBoolean()).isTrue();
      assertThat(r.at("/noElicitation/text").asText()).contains("elicitation", "Nothing was sent");
      assertThat(r.at("/noElicitation/delta").asInt()).isZero();

      String received = r.get("received").asText();
      assertThat(received.length()).as(where + "bytes captured").isGreaterThan(1000);
      assertThat(received)
          .as(where + "no secret in what the client received")
          .doesNotContain(CANARY);
    }
    assertThat(report.at("/http/unauthorizedStatus").asInt()).isEqualTo(401);

    try (Paw paw =
        Paw.builder()
            .home(PawHome.at(home))
            .environment(Map.of("PAW_MASTER_KEY", MASTER_KEY))
            .build()) {
      Pocket pocket = paw.findPocket(POCKET).orElseThrow();
      List<AuditEntry> entries = paw.audit(pocket).read(AuditQuery.recent().limit(200));
      List<String> mine = new ArrayList<>();
      for (AuditEntry e : entries) {
        if (e.actor() != null && e.actor().startsWith("mcp:")) {
          mine.add(e.actor() + " " + e.target() + " " + e.decision() + " " + e.outcome());
        }
        assertThat(String.valueOf(e.parametersJson()) + e.error()).doesNotContain(CANARY);
      }
      assertThat(mine)
          .anyMatch(s -> s.startsWith("mcp:paw-node-test list_customers") && s.endsWith("OK"))
          .anyMatch(s -> s.startsWith("mcp:paw-node-test create_customer") && s.endsWith("REFUSED"))
          .anyMatch(s -> s.startsWith("mcp:paw-node-test create_customer") && s.endsWith("OK"))
          .anyMatch(s -> s.startsWith("mcp:paw-node-test create_refund") && s.endsWith("REFUSED"))
          .anyMatch(
              s -> s.startsWith("mcp:paw-node-blind create_customer") && s.endsWith("REFUSED"));
    }
  }
}
