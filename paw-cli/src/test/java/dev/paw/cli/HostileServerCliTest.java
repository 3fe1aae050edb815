package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile API server at the command line: one that echoes the Basic credentials it was sent in
 * its errors (no form of the password may be printed by run, sync or audit), and one whose answer
 * is larger than the limit set in the environment (the error names the limit and the variable).
 */
class HostileServerCliTest {

  private static final String USER = "ops@example.com";
  private static final String PASSWORD = "pw\"CANARY/b\\s+l ä9";
  private static final String CONNECTOR =
      """
      name: basicapi
      display_name: Basic auth API (CLI security tests)
      base_url: https://basic.example/v1
      auth:
        method: basic
        username: BASIC_USER
        password: BASIC_PASSWORD
        credentials:
          - { name: BASIC_USER, required: true }
          - { name: BASIC_PASSWORD, required: true }
      actions:
        - name: list_items
          url: /items
          trust_level: auto
      sync:
        table: items
        source: list_items
        primary_key: id
        mapping: { id: { from: id, type: integer } }
      """;

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private final StringBuilder printed = new StringBuilder();
  private final Map<String, String> env =
      new HashMap<>(Map.of("PAW_MASTER_KEY", "cli test master key 1234"));

  @BeforeEach
  void connectorInTheHome() throws Exception {
    Files.writeString(
        Files.createDirectories(home.resolve("connectors")).resolve("basicapi.yaml"), CONNECTOR);
  }

  private int paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit = PawCli.run(all, terminal, env);
    printed.append(terminal.printed()).append(terminal.errors());
    return exit;
  }

  private void connect() {
    assertThat(
            paw(
                "connect",
                "basicapi",
                "--pocket",
                "Echo",
                "--credential",
                "BASIC_USER=" + USER,
                "--credential",
                "BASIC_PASSWORD=" + PASSWORD,
                "--base-url",
                server.url("/v1").toString(),
                "--no-sync"))
        .as("%s", printed)
        .isZero();
  }

  @Test
  void noFormOfAnEchoedBasicPasswordIsPrinted() throws Exception {
    String pair =
        Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String json = PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"");
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("clear", PASSWORD);
    forms.put("basic base64", pair);
    forms.put("url-encoded", URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
    forms.put("JSON-escaped", json);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            return new MockResponse.Builder()
                .code(401)
                .addHeader("Content-Type", "application/json")
                .body(
                    "{\"error\":\"bad credentials\",\"sent\":\""
                        + request.getHeaders().get("Authorization")
                        + "\",\"password\":\""
                        + json
                        + "\",\"q\":\""
                        + forms.get("url-encoded")
                        + "\"}")
                .build();
          }
        });
    connect();

    assertThat(paw("run", "basicapi", "list_items", "--pocket", "Echo")).isEqualTo(1);
    assertThat(paw("--debug", "run", "basicapi", "list_items", "--pocket", "Echo")).isEqualTo(1);
    assertThat(paw("sync", "basicapi", "--pocket", "Echo")).isEqualTo(1);
    assertThat(paw("audit", "--pocket", "Echo", "--json")).isZero();

    assertThat(printed)
        .as("the server's echo was printed")
        .contains("answered 401")
        .contains("bad credentials");
    List<String> hits = new ArrayList<>();
    forms.forEach(
        (name, form) -> {
          if (printed.indexOf(form) >= 0) {
            hits.add(name);
          }
        });
    assertThat(hits).as("forms of the password the CLI printed").isEmpty();
  }

  @Test
  void anAnswerOverTheLimitSetInTheEnvironmentFailsNamingIt() {
    env.put("PAW_MAX_ACTION_BYTES", "1024");
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("[" + "{\"id\":1},".repeat(500) + "{\"id\":2}]")
                .build();
          }
        });
    connect();

    assertThat(paw("run", "basicapi", "list_items", "--pocket", "Echo")).isEqualTo(1);

    assertThat(printed)
        .contains(
            "paw: action 'list_items' of connector 'basicapi' failed: the action answer is"
                + " larger than the 1 KiB limit (it declares 4510 bytes); raise it with PAW_MAX_ACTION_BYTES");
  }
}
