package dev.paw.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ActionRefusedException;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector file declaring {@code mcp_server}, run against the real reference server
 * (@modelcontextprotocol/server-everything, stdio) that Maven installs with npm. Everything paw
 * sends to the server is copied to a log on the way ({@code tee}), so a call paw did not make is
 * provably absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpServerConnectorTest {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";
  private static final String TOKEN = "tok-5ecret-value-of-the-server-81f3";

  @TempDir static Path home;
  @TempDir static Path folder;

  private Path sent;
  private Paw paw;
  private Pocket pocket;
  private ConnectorProtocol everything;
  private final AtomicBoolean approve = new AtomicBoolean();

  @BeforeAll
  void connect() throws Exception {
    Path server =
        Path.of(
            System.getProperty("paw.node.modules"),
            "@modelcontextprotocol/server-everything/dist/index.js");
    assertThat(server).exists();
    sent = folder.resolve("sent-to-server.jsonl");
    Files.writeString(
        folder.resolve("everything.yaml"),
        """
        name: everything
        auth:
          method: none
          credentials:
            - { name: EVERYTHING_TOKEN, secret: true }
        mcp_server:
          command: sh
          args: ["-c", "tee -a \\"$0\\" | node \\"$1\\" stdio", "%s", "%s"]
          env: [EVERYTHING_TOKEN]
          tools:
            - name: echo
              trust_level: auto
              description: Echoes a message back
              params:
                message: { type: string, required: true }
            - name: get-sum
              trust_level: auto
              params:
                a: { type: number, required: true }
                b: { type: number, required: true }
            - name: get-env
        """
            .formatted(sent, server));
    paw =
        Paw.builder()
            .home(PawHome.at(home))
            .environment(Map.of("PAW_MASTER_KEY", MASTER_KEY))
            .connectorFolders(List.of(folder))
            .approver(request -> approve.get())
            .actor("mcp-connector-test")
            .build();
    assertThat(paw.connectorProblems()).isEmpty();
    pocket = paw.pocket("Tools");
    paw.credentials(pocket, "everything").put("EVERYTHING_TOKEN", Secret.of(TOKEN));
    everything = paw.connector(pocket, "everything");
    everything.connect(ConnectOptions.DEFAULTS).toCompletableFuture().join();
  }

  @AfterAll
  void close() {
    if (paw != null) {
      paw.close();
    }
  }

  private JsonNode run(String action, Map<String, ?> params) {
    ActionResult result = everything.execute(action, params).toCompletableFuture().join();
    return result.json();
  }

  private Throwable failure(String action, Map<String, ?> params) {
    try {
      run(action, params);
    } catch (CompletionException e) {
      return e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError(action + " did not fail");
  }

  private String sentToServer() throws Exception {
    return Files.exists(sent) ? Files.readString(sent) : "";
  }

  private static String text(JsonNode result) {
    return result.path("content").get(0).path("text").asText();
  }

  @Test
  @Order(2)
  void confirmToolDeclinedIsNeverSentAndIsAudited() throws Exception {
    approve.set(false);
    assertThat(sentToServer()).contains("\"tools/call\""); // the server runs and is listened to
    assertThat(failure("get_env", Map.of())).isInstanceOf(ActionRefusedException.class);
    assertThat(sentToServer()).doesNotContain("get-env");
    List<AuditEntry> trail = paw.audit(pocket).read(AuditQuery.recent().limit(100));
    assertThat(trail.get(0).target()).isEqualTo("get_env");
    assertThat(trail.get(0).outcome()).isEqualTo(AuditOutcome.REFUSED);
  }

  @Test
  @Order(1)
  void allowedAutoToolsAreCalledWithTheirArguments() throws Exception {
    assertThat(text(run("echo", Map.of("message", "hello from paw")))).contains("hello from paw");
    assertThat(text(run("get_sum", Map.of("a", 2, "b", 3.5)))).contains("5.5");
    assertThat(sentToServer()).contains("\"tools/list\"").contains("\"get-sum\"");
  }

  @Test
  @Order(3)
  void declaredParametersAreCheckedBeforeAnythingIsSent() throws Exception {
    assertThat(failure("get_sum", Map.of("a", "two", "b", 3))).hasMessageContaining("a");
    assertThat(sentToServer()).doesNotContain("\"two\"");
  }

  @Test
  @Order(4)
  void aToolNotOnTheAllowListIsRefusedAndNotSent() throws Exception {
    assertThat(failure("get_tiny_image", Map.of())).hasMessageContaining("get_tiny_image");
    assertThat(sentToServer()).doesNotContain("get-tiny-image");
  }

  @Test
  @Order(5)
  void theServerGetsTheDeclaredCredentialButNeverShowsItNorPawsVariables() throws Exception {
    approve.set(true);
    String env = text(run("get_env", Map.of()));
    assertThat(env).contains("EVERYTHING_TOKEN").contains("***");
    assertThat(env).doesNotContain(TOKEN);
    assertThat(System.getenv("PAW_LEAK_CHECK")).isNotNull();
    assertThat(env)
        .doesNotContain("PAW_LEAK_CHECK")
        .doesNotContain(System.getenv("PAW_LEAK_CHECK"));
    assertThat(paw.audit(pocket).read(AuditQuery.recent().limit(100)).toString())
        .doesNotContain(TOKEN);
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(TOKEN);
      }
    }
  }

  @Test
  @Order(6)
  void pawMcpOffersOnlyTheAllowedToolsAndRunsThem() throws Exception {
    try (PawMcpServer mcp = PawMcpServer.create(this::mcpPaw, "Tools")) {
      PawMcpServer.Http http = mcp.serveHttp(0);
      HttpClientStreamableHttpTransport transport =
          HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port())
              .endpoint("/mcp")
              .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
              .requestBuilder(
                  HttpRequest.newBuilder().header("Authorization", "Bearer " + http.token()))
              .build();
      McpSyncClient agent =
          McpClient.sync(transport)
              .clientInfo(new McpSchema.Implementation("agent", "agent", "1.0"))
              .requestTimeout(Duration.ofSeconds(30))
              .build();
      try {
        agent.initialize();
        List<String> tools = agent.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        assertThat(tools)
            .contains("everything_echo", "everything_get_sum", "everything_get_env")
            .noneMatch(t -> t.contains("tiny_image"));
        McpSchema.CallToolResult sum =
            agent.callTool(
                new McpSchema.CallToolRequest.Builder()
                    .name("everything_get_sum")
                    .arguments(Map.of("a", 20, "b", 22))
                    .build());
        assertThat(sum.isError()).isFalse();
        assertThat(((McpSchema.TextContent) sum.content().get(0)).text()).contains("42");
        assertThat(
                paw.audit(pocket).read(AuditQuery.recent().limit(100)).stream()
                    .filter(e -> "get_sum".equals(e.target()))
                    .map(AuditEntry::actor))
            .contains("mcp:agent");
      } finally {
        agent.closeGracefully();
      }
    }
  }

  private Paw mcpPaw(String actor, dev.paw.runtime.trust.Approver approver) {
    return Paw.builder()
        .home(PawHome.at(home))
        .environment(Map.of("PAW_MASTER_KEY", MASTER_KEY))
        .connectorFolders(List.of(folder))
        .approver(approver)
        .actor(actor)
        .build();
  }

  @Test
  @Order(7)
  void closingPawStopsTheServerProcess() throws Exception {
    assertThat(serverProcesses()).isNotEmpty();
    paw.close();
    paw = null;
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!serverProcesses().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(serverProcesses()).isEmpty();
  }

  private static List<ProcessHandle> serverProcesses() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info().commandLine().orElse("").contains("server-everything")
                    || p.info().command().orElse("").endsWith("/node"))
        .toList();
  }
}
