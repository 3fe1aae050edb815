package dev.paw.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code paw mcp} driven by the official MCP Java SDK's own client over the streamable HTTP
 * transport, against stripe-stateful-mock: the tool list and schemas, each trust level, resources,
 * parameter errors, the audit trail, and no secret in anything the client received.
 */
class McpSdkClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POCKET = "Shop Floor";

  private static StripeMockProcess stripe;
  private static Path home;
  private static InMemoryCredentialStore credentials;
  private static PawMcpServer server;
  private static PawMcpServer.Http http;
  private static String chargeId;

  private final List<Object> received = new ArrayList<>();
  private final AtomicReference<Function<McpSchema.ElicitFormRequest, ElicitResult>> answer =
      new AtomicReference<>();
  private final List<String> asked = new ArrayList<>();
  private McpSyncClient client;

  @BeforeAll
  static void start() throws Exception {
    stripe = StripeMockProcess.start();
    stripe.post("/v1/customers", "email=first%40example.com&description=first");
    chargeId = stripe.post("/v1/charges", "amount=1500&currency=usd&source=tok_visa");
    home = Files.createTempDirectory("paw-mcp-test");
    credentials = new InMemoryCredentialStore();
    try (Paw setup = paw("setup", request -> false)) {
      Pocket pocket = setup.pocket(POCKET);
      setup
          .credentials(pocket, "stripe")
          .put("STRIPE_API_KEY", Secret.of(StripeMockProcess.SECRET_KEY));
      setup
          .connector(pocket, "stripe")
          .connect(ConnectOptions.baseUrl(stripe.apiBase()).withoutCredentialCheck())
          .toCompletableFuture()
          .join();
      setup.connector(pocket, "stripe").sync("stripe_customers").toCompletableFuture().join();
      setup.connector(pocket, "csv").connect().toCompletableFuture().join();
    }
    server = PawMcpServer.create(McpSdkClientTest::paw, POCKET);
    http = server.serveHttp(0);
  }

  static Paw paw(String actor, dev.paw.runtime.trust.Approver approver) {
    return Paw.builder()
        .home(PawHome.at(home))
        .credentials(credentials)
        .connectorFolders(
            List.of(Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors")))
        .approver(approver)
        .actor(actor)
        .build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (stripe != null) {
      stripe.close();
    }
  }

  @AfterEach
  void closeClientAndCheckForSecrets() throws Exception {
    if (client != null) {
      client.closeGracefully();
    }
    String everything = JSON.writeValueAsString(received) + String.join("\n", asked);
    assertThat(everything).doesNotContain(StripeMockProcess.SECRET_KEY).doesNotContain("sk_test_");
  }

  private McpSyncClient connect(String name, boolean elicitation) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port())
            .endpoint("/mcp")
            .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
            .requestBuilder(
                HttpRequest.newBuilder().header("Authorization", "Bearer " + http.token()))
            .build();
    McpClient.SyncSpec spec =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation(name, "1.0"))
            .requestTimeout(Duration.ofSeconds(30));
    if (elicitation) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
          .elicitation(
              request -> {
                asked.add(request.message());
                return answer.get().apply(request);
              });
    }
    client = spec.build();
    client.initialize();
    return client;
  }

  private CallToolResult call(String tool, Map<String, Object> args) {
    CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
    received.add(result);
    return result;
  }

  private static String text(CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Test
  void listsEveryActionWithItsSchemaAndTruthfulAnnotations() {
    connect("schema-reader", false);
    McpSchema.ListToolsResult tools = client.listTools();
    received.add(tools);
    Map<String, McpSchema.Tool> byName = new java.util.HashMap<>();
    tools.tools().forEach(t -> byName.put(t.name(), t));
    assertThat(byName)
        .containsKeys(
            "query",
            "sync",
            "stripe_list_customers",
            "stripe_create_customer",
            "stripe_create_refund");

    McpSchema.Tool list = byName.get("stripe_list_customers");
    assertThat(list.annotations().readOnlyHint()).isTrue();
    assertThat(list.annotations().openWorldHint()).isTrue();
    assertThat(list.description()).contains("trust level auto");

    McpSchema.Tool create = byName.get("stripe_create_customer");
    assertThat(create.annotations().readOnlyHint()).isFalse();
    assertThat(create.annotations().destructiveHint()).isFalse();
    assertThat(create.description()).contains("trust level confirm");
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) create.inputSchema().get("properties");
    assertThat(properties).containsKeys("email", "name");
    assertThat(create.inputSchema().get("additionalProperties")).isEqualTo(false);

    McpSchema.Tool invoice = byName.get("stripe_create_invoice");
    @SuppressWarnings("unchecked")
    Map<String, Object> method =
        (Map<String, Object>)
            ((Map<String, Object>) invoice.inputSchema().get("properties"))
                .get("collection_method");
    assertThat(method)
        .containsEntry("enum", List.of("charge_automatically", "send_invoice"))
        .containsEntry("default", "send_invoice")
        .containsEntry("type", "string");

    McpSchema.Tool refund = byName.get("stripe_create_refund");
    assertThat(refund.annotations().destructiveHint()).isTrue();
    assertThat(refund.description()).contains("trust level restricted");
  }

  @Test
  void anAutoActionRunsAndAnswersWithStructuredContent() throws Exception {
    connect("auto-caller", false);
    CallToolResult result = call("stripe_list_customers", Map.of("limit", 10));
    assertThat(result.isError()).isFalse();
    assertThat(text(result)).contains("first@example.com");
    assertThat(result.structuredContent()).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) result.structuredContent()).get("data")).isInstanceOf(List.class);
    assertThat(lastAudit("list_customers").actor()).isEqualTo("mcp:auto-caller");
    assertThat(lastAudit("list_customers").decision()).contains("auto");
  }

  @Test
  void aDeclinedConfirmSendsNothingAndSaysSo() throws Exception {
    connect("decliner", true);
    answer.set(request -> new ElicitResult(ElicitResult.Action.DECLINE, null));
    int before = stripe.count("/v1/customers");

    CallToolResult result = call("stripe_create_customer", Map.of("email", "declined@example.com"));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("declined").contains("Nothing was sent");
    assertThat(stripe.count("/v1/customers")).isEqualTo(before);
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0))
        .contains("create_customer")
        .contains("POST " + stripe.apiBase() + "/customers")
        .contains("declined@example.com");
    AuditEntry audit = lastAudit("create_customer");
    assertThat(audit.actor()).isEqualTo("mcp:decliner");
    assertThat(audit.outcome().name()).isEqualTo("REFUSED");
  }

  @Test
  void anAcceptedConfirmRunsExactlyOnce() throws Exception {
    connect("accepter", true);
    answer.set(request -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true)));
    int before = stripe.count("/v1/customers");

    CallToolResult result =
        call("stripe_create_customer", Map.of("email", "accepted@example.com", "name", "Ada"));

    assertThat(result.isError()).as(text(result)).isFalse();
    assertThat(text(result)).contains("accepted@example.com");
    assertThat(stripe.count("/v1/customers")).isEqualTo(before + 1);
    assertThat(asked).hasSize(1);
    AuditEntry audit = lastAudit("create_customer");
    assertThat(audit.actor()).isEqualTo("mcp:accepter");
    assertThat(audit.decision()).contains("approved");
    assertThat(audit.outcome().name()).isEqualTo("OK");
  }

  @Test
  void anAcceptedFormWithoutTheBoxTickedIsADecline() throws Exception {
    connect("form-skipper", true);
    answer.set(request -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of()));
    int before = stripe.count("/v1/customers");
    CallToolResult result = call("stripe_create_customer", Map.of("email", "unticked@example.com"));
    assertThat(result.isError()).isTrue();
    assertThat(stripe.count("/v1/customers")).isEqualTo(before);
  }

  @Test
  void aClientWithoutElicitationIsRefusedWithTheReason() throws Exception {
    connect("no-elicitation", false);
    int before = stripe.count("/v1/customers");
    CallToolResult result = call("stripe_create_customer", Map.of("email", "blind@example.com"));
    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("elicitation").contains("Nothing was sent");
    assertThat(stripe.count("/v1/customers")).isEqualTo(before);
  }

  @Test
  void aRestrictedActionIsRefusedEvenWhenTheUserWouldAccept() throws Exception {
    connect("eager", true);
    answer.set(request -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true)));
    int before = stripe.count("/v1/refunds");
    CallToolResult result = call("stripe_create_refund", Map.of("charge", chargeId));
    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .contains("restricted")
        .contains("administrator")
        .contains("paw run stripe create_refund --pocket \"" + POCKET + "\"")
        .contains("Nothing was sent");
    assertThat(asked).isEmpty();
    assertThat(stripe.count("/v1/refunds")).isEqualTo(before);
    assertThat(lastAudit("create_refund").outcome().name()).isEqualTo("REFUSED");
  }

  @Test
  void aFileImportIsAskedFirstAndADeclineReadsNothing() throws Exception {
    connect("importer", true);
    Path file = Files.createTempFile("paw-mcp-notes", ".csv");
    Files.writeString(file, "id,note\n1,private\n");
    answer.set(request -> new ElicitResult(ElicitResult.Action.DECLINE, null));
    CallToolResult declined =
        call("csv_import_file", Map.of("file_path", file.toString(), "table_name", "agent_notes"));
    assertThat(declined.isError()).isTrue();
    assertThat(text(declined)).contains("Nothing was sent", "reads or writes a file");
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0)).contains("import_file", file.toString());
    CallToolResult missing = call("query", Map.of("sql", "SELECT * FROM agent_notes"));
    assertThat(missing.isError()).as("no table was made").isTrue();

    answer.set(request -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true)));
    CallToolResult imported =
        call("csv_import_file", Map.of("file_path", file.toString(), "table_name", "agent_notes"));
    assertThat(imported.isError()).as(text(imported)).isFalse();
    CallToolResult rows = call("query", Map.of("sql", "SELECT note FROM agent_notes"));
    assertThat(text(rows)).contains("private");
  }

  @Test
  void aWrongParameterIsAToolErrorNamingIt() {
    connect("typo", false);
    CallToolResult unknown = call("stripe_list_customers", Map.of("limitt", 5));
    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown)).contains("limitt");
    CallToolResult wrongType = call("stripe_list_customers", Map.of("limit", "many"));
    assertThat(wrongType.isError()).isTrue();
    assertThat(text(wrongType)).contains("limit");
  }

  @Test
  void theServicesErrorIsAToolError() {
    connect("not-found", false);
    CallToolResult result = call("stripe_get_customer", Map.of("customer", "cus_doesnotexist"));
    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("404");
  }

  @Test
  void tablesAreResourcesAndTheQueryToolReadsThem() throws Exception {
    connect("reader", false);
    McpSchema.ListResourcesResult resources = client.listResources();
    received.add(resources);
    McpSchema.Resource customers =
        resources.resources().stream()
            .filter(r -> r.name().equals("stripe_customers"))
            .findFirst()
            .orElseThrow();
    McpSchema.ReadResourceResult read = client.readResource(customers);
    received.add(read);
    String body = ((McpSchema.TextResourceContents) read.contents().get(0)).text();
    Map<?, ?> table = JSON.readValue(body, Map.class);
    assertThat(table.get("columns")).isInstanceOf(List.class);
    assertThat(((Number) table.get("rowCount")).intValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Map<?, ?>) table.get("lastSync")).get("outcome")).isEqualTo("ok");
    assertThat((List<?>) table.get("preview")).isNotEmpty();

    CallToolResult query =
        call("query", Map.of("sql", "SELECT COUNT(*) AS n FROM stripe_customers", "limit", 5));
    assertThat(query.isError()).as(text(query)).isFalse();
    assertThat(((Map<?, ?>) query.structuredContent()).get("columns")).isEqualTo(List.of("n"));

    CallToolResult write = call("query", Map.of("sql", "DELETE FROM stripe_customers"));
    assertThat(write.isError()).isTrue();
    assertThat(
            ((Number)
                    JSON.readValue(
                            ((McpSchema.TextResourceContents)
                                    client.readResource(customers).contents().get(0))
                                .text(),
                            Map.class)
                        .get("rowCount"))
                .intValue())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theSyncToolSyncsAndIsAudited() throws Exception {
    connect("syncer", false);
    // a table the set-up has not synced: its first run lists in full, where a second run would
    // follow Stripe's Events API, which stripe-mock does not serve
    CallToolResult result = call("sync", Map.of("connector", "stripe", "table", "stripe_charges"));
    assertThat(result.isError()).as(text(result)).isFalse();
    assertThat(text(result)).contains("stripe_charges");
    AuditEntry audit = lastAudit("stripe_charges");
    assertThat(audit.kind().name()).isEqualTo("SYNC");
    assertThat(audit.actor()).isEqualTo("mcp:syncer");
    assertThat(audit.outcome().name()).isEqualTo("OK");
  }

  @Test
  void aFullSyncRepairsATableThatTheUsualSyncCannotRefresh() throws Exception {
    connect("repairer", false);
    // stripe_customers was listed in the set-up, so the usual sync follows Stripe's Events API,
    // which stripe-mock does not serve: the agent sees why, and full=true lists it again
    CallToolResult usual = call("sync", Map.of("connector", "stripe", "table", "stripe_customers"));
    assertThat(usual.isError()).isTrue();
    assertThat(text(usual)).contains("/v1/events");
    CallToolResult full =
        call("sync", Map.of("connector", "stripe", "table", "stripe_customers", "full", true));
    assertThat(full.isError()).as(text(full)).isFalse();
    AuditEntry audit = lastAudit("stripe_customers");
    assertThat(audit.actor()).isEqualTo("mcp:repairer");
    assertThat(audit.outcome().name()).isEqualTo("OK");
    assertThat(audit.parametersJson()).contains("\"full\":true");

    CallToolResult typo =
        call("sync", Map.of("connector", "stripe", "table", "stripe_customers", "ful", true));
    assertThat(typo.isError()).isTrue();
    assertThat(text(typo)).contains("unknown parameter 'ful'", "connector, table, full");
    CallToolResult notABoolean = call("sync", Map.of("connector", "stripe", "full", "yes"));
    assertThat(text(notABoolean)).contains("parameter 'full' must be true or false");
  }

  @Test
  void clientsThatNeverCloseDoNotPileUpRuntimes() {
    List<McpSyncClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        McpSyncClient extra = connect("crowd-" + i, false);
        client = null;
        clients.add(extra);
        CallToolResult result =
            extra.callTool(
                new McpSchema.CallToolRequest("query", Map.of("sql", "SELECT 1 AS one")));
        received.add(result);
        assertThat(result.isError()).as(text(result)).isFalse();
      }
      assertThat(server.sessionRuntimes()).isLessThanOrEqualTo(32);
      // an evicted session's client still works: it gets a new runtime
      CallToolResult again =
          clients
              .get(0)
              .callTool(new McpSchema.CallToolRequest("query", Map.of("sql", "SELECT 2")));
      assertThat(again.isError()).as(text(again)).isFalse();
    } finally {
      clients.forEach(McpSyncClient::closeGracefully);
    }
  }

  @Test
  void withoutTheBearerTokenTheServerAnswers401() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(http.url()))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static AuditEntry lastAudit(String action) throws Exception {
    try (Paw reader = paw("reader", request -> false)) {
      Pocket pocket = reader.findPocket(POCKET).orElseThrow();
      List<AuditEntry> entries = reader.audit(pocket).read(AuditQuery.recent().limit(100));
      return entries.stream()
          .filter(e -> action.equals(e.target()))
          .max(java.util.Comparator.comparingLong(AuditEntry::seq))
          .orElseThrow(() -> new AssertionError("no audit entry for " + action + ": " + entries));
    }
  }
}
