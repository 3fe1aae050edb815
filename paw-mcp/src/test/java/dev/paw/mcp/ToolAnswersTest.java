package dev.paw.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a tool answers, from a service on 127.0.0.1: an API key the service echoes in a successful
 * answer is masked in the text and the structured content alike; an answer over the limit is cut,
 * with a note saying so.
 */
class ToolAnswersTest {

  private static final String KEY = "echoCanaryKey-93f1a7c2e5";

  private static final String CONNECTOR =
      """
      name: echoapi
      display_name: Echo API (security tests)
      base_url: https://echo.example/v1
      auth:
        method: api_key
        in: header
        name: Authorization
        prefix: "Bearer "
        credential: ECHOAPI_KEY
        credentials:
          - { name: ECHOAPI_KEY, required: true }
      actions:
        - name: whoami
          description: Who the service thinks we are
          url: /whoami
          trust_level: auto
      """;

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  @Test
  void anEchoedKeyInASuccessfulAnswerIsMasked() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String sent = String.valueOf(request.getHeaders().get("Authorization"));
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"you_sent\":\"" + sent + "\",\"ok\":true}")
                .build();
          }
        });
    McpSchema.CallToolResult result = callWhoami();
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(server.getRequestCount()).isGreaterThanOrEqualTo(1);
    assertThat(result.isError()).as(text).isFalse();
    assertThat(text).doesNotContain(KEY).contains("[redacted]");
    assertThat(new ObjectMapper().writeValueAsString(result))
        .doesNotContain(KEY)
        .contains("Bearer [redacted]");
  }

  @Test
  void anAnswerOverTheLimitIsCutWithANote() throws Exception {
    String big = "{\"items\":[\"" + "x".repeat(150_000) + "\"]}";
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(big)
                .build();
          }
        });
    McpSchema.CallToolResult result = callWhoami();
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(result.isError()).isFalse();
    assertThat(text.length()).isLessThan(101_000);
    assertThat(text).contains("cut at 100000 of its " + big.length() + " characters");
    assertThat(result.structuredContent()).isNull();
  }

  private McpSchema.CallToolResult callWhoami() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("echoapi.yaml"), CONNECTOR);
    InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    PawFactory factory =
        (actor, approver) ->
            Paw.builder()
                .home(PawHome.at(dir.resolve("home")))
                .credentials(credentials)
                .connectorFolders(List.of(connectors))
                .approver(approver)
                .actor(actor)
                .build();
    try (Paw setup = factory.create("setup", request -> false)) {
      Pocket pocket = setup.pocket("Echo");
      setup.credentials(pocket, "echoapi").put("ECHOAPI_KEY", Secret.of(KEY));
      setup
          .connector(pocket, "echoapi")
          .connect(ConnectOptions.baseUrl(server.url("/v1").toString()).withoutCredentialCheck())
          .toCompletableFuture()
          .join();
    }
    try (PawMcpServer mcp = PawMcpServer.create(factory, "Echo")) {
      PawMcpServer.Http http = mcp.serveHttp(0);
      McpSyncClient client =
          McpClient.sync(
                  HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port())
                      .endpoint("/mcp")
                      .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                      .requestBuilder(
                          HttpRequest.newBuilder()
                              .header("Authorization", "Bearer " + http.token()))
                      .build())
              .clientInfo(new McpSchema.Implementation("echo-client", "1.0"))
              .build();
      try {
        client.initialize();
        return client.callTool(new McpSchema.CallToolRequest("echoapi_whoami", Map.of()));
      } finally {
        client.closeGracefully();
      }
    }
  }
}
