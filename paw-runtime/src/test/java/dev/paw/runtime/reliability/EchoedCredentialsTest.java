package dev.paw.runtime.reliability;

import static dev.paw.runtime.SyncOutcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile (or merely careless) API server echoes the credentials it was sent in its error
 * answers: the {@code Authorization: Basic} header (base64 of {@code user:password}), the password
 * JSON-escaped, URL-encoded, base64 and base64url. An action and a sync against it fail, and then
 * no form of the password is anywhere: not in the exception, the sync result, the audit trail, nor
 * in any byte of any file under the home directory (pocket.db with its WAL kept open).
 */
class EchoedCredentialsTest {

  private static final String USER = "ops@example.com";

  /**
   * Characters that every encoding changes: a quote, a slash, a backslash, a plus, a space, a
   * non-ASCII letter.
   */
  private static final String PASSWORD = "pw\"CANARY/b\\s+l ä9";

  private static final String CONNECTOR =
      """
      name: basicapi
      display_name: Basic auth API (security tests)
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

  @TempDir Path dir;

  private final List<Connection> holders = new ArrayList<>();
  private Paw paw;

  @AfterEach
  void tearDown() throws Exception {
    for (Connection holder : holders) {
      holder.close();
    }
    if (paw != null) {
      paw.close();
    }
  }

  /** Every form of the password a server might echo, by name. */
  private static Map<String, String> forms() throws Exception {
    String pair = USER + ":" + PASSWORD;
    byte[] pairBytes = pair.getBytes(StandardCharsets.UTF_8);
    byte[] passwordBytes = PASSWORD.getBytes(StandardCharsets.UTF_8);
    String json = new ObjectMapper().writeValueAsString(PASSWORD);
    String jsonAscii =
        new ObjectMapper()
            .writer()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII)
            .writeValueAsString(PASSWORD);
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("clear", PASSWORD);
    forms.put("user:password", pair);
    forms.put("basic base64", Base64.getEncoder().encodeToString(pairBytes));
    forms.put("basic base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(pairBytes));
    forms.put("base64", Base64.getEncoder().encodeToString(passwordBytes));
    forms.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(passwordBytes));
    forms.put("url-encoded", URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
    forms.put(
        "url-encoded %20", URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20"));
    forms.put("JSON-escaped", json.substring(1, json.length() - 1));
    forms.put("JSON-escaped ASCII", jsonAscii.substring(1, jsonAscii.length() - 1));
    forms.put("JSON-escaped slash", json.substring(1, json.length() - 1).replace("/", "\\/"));
    return forms;
  }

  /**
   * Answers 401 with the request's Authorization header and the password in each form, as a JSON
   * error.
   */
  private static Dispatcher echoing() {
    return new Dispatcher() {
      @Override
      public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
        String sent = String.valueOf(request.getHeaders().get("Authorization"));
        try {
          Map<String, String> f = forms();
          String body =
              "{\"error\":\"unauthorized\",\"you_sent\":\""
                  + sent
                  + "\",\"p\":\""
                  + f.get("JSON-escaped")
                  + "\",\"a\":\""
                  + f.get("JSON-escaped ASCII")
                  + "\",\"q\":\""
                  + f.get("url-encoded")
                  + "\",\"b\":\""
                  + f.get("base64")
                  + "\",\"u\":\""
                  + f.get("base64url")
                  + "\",\"bu\":\""
                  + f.get("basic base64url")
                  + "\"}";
          return new MockResponse.Builder()
              .code(401)
              .addHeader("Content-Type", "application/json")
              .body(body)
              .build();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  @Test
  void noEncodedFormOfABasicPasswordIsStoredOrShown() throws Exception {
    server.setDispatcher(echoing());
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("basicapi.yaml"), CONNECTOR);
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .settings(
                new RuntimeSettings(
                    RuntimeSettings.Retry.defaults(), Map.of(), Clock.systemUTC(), d -> {}))
            .actor("echo-test")
            .build();
    Pocket pocket = paw.pocket("Echo");
    paw.credentials(pocket, "basicapi").put("BASIC_USER", Secret.of(USER));
    paw.credentials(pocket, "basicapi").put("BASIC_PASSWORD", Secret.of(PASSWORD));
    ConnectorProtocol api = paw.connector(pocket, "basicapi");
    api.connect(ConnectOptions.baseUrl(server.url("/v1").toString()).withoutCredentialCheck())
        .toCompletableFuture()
        .join();
    Connection holder =
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("home/pockets/echo/pocket.db"));
    try (Statement s = holder.createStatement()) {
      s.execute("SELECT count(*) FROM sqlite_master"); // keeps the WAL file there to be searched
    }
    holders.add(holder);

    Throwable error =
        catchThrowable(() -> api.execute("list_items", Map.of()).toCompletableFuture().join());
    Throwable failed =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    SyncResult sync = failure(api.sync("items"));

    assertThat(failed).as("the action failed on the echoing server").isNotNull();
    assertThat(failed.getMessage()).contains("answered 401").contains("you_sent");
    assertThat(sync.error()).as("the sync failed on the echoing server").contains("answered 401");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .as("the server got the password")
        .isEqualTo("Basic " + forms().get("basic base64"));

    List<String> hits = new ArrayList<>();
    search("the action's exception", failed.getMessage() + "\n" + stackTrace(failed), hits);
    search("the sync result", sync.error(), hits);
    for (AuditEntry entry : paw.audit(pocket).read(AuditQuery.recent())) {
      search(
          "audit entry " + entry.seq(),
          entry.error() + " " + entry.parametersJson() + " " + entry.target(),
          hits);
    }
    try (Stream<Path> all = Files.walk(dir.resolve("home"))) {
      List<Path> files = all.filter(Files::isRegularFile).toList();
      assertThat(files)
          .as("the WAL is there to search")
          .anyMatch(f -> f.toString().endsWith("pocket.db-wal"));
      for (Path file : files) {
        byte[] bytes = Files.readAllBytes(file);
        search("file " + file.getFileName(), new String(bytes, StandardCharsets.ISO_8859_1), hits);
        search(
            "file " + file.getFileName() + " (UTF-8)",
            new String(bytes, StandardCharsets.UTF_8),
            hits);
      }
    }

    assertThat(hits).as("places a form of the password was found").isEmpty();
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** Adds where each form of the password appears in {@code text}, by the form's name only. */
  private static void search(String where, String text, List<String> hits) throws Exception {
    if (text == null) {
      return;
    }
    for (Map.Entry<String, String> form : forms().entrySet()) {
      if (text.contains(form.getValue())) {
        hits.add(form.getKey() + " in " + where);
      }
    }
  }
}
