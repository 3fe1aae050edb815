package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.http.InvalidParametersException;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile parameter values through the whole runtime (Paw, a YAML connector, the adapter, its
 * interceptors) against a local server: whatever a value holds ({@code ../}, {@code %2F}, {@code
 * ?}, {@code #}, {@code @}, CR/LF, non-ASCII...), the request goes to the same host and port, its
 * path has exactly the template's segments with the value as one of them, a query value stays one
 * value, a body value stays one field, and the headers are exactly those of an ordinary call. A
 * value that cannot be sent safely is refused before anything is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one server, one pocket: each case is one call
class ParameterInjectionTest {

  /** Values that try to leave their place. */
  static final List<String> HOSTILE =
      List.of(
          "../x",
          "../../admin",
          "..%2F..%2Fadmin",
          "a/b",
          "%2F",
          "%2e%2e",
          "?q=1",
          "a?b=c",
          "#frag",
          "@evil.example",
          "evil.example:80@x",
          "user:pass@evil.example",
          "//evil.example",
          "http://evil.example/",
          "\\..\\x",
          ";x=1",
          "a&b=c",
          "a=b",
          "\r\nX-Injected: 1",
          "x\nHost: evil.example",
          "x\rX-Injected: 1",
          "%0d%0aX-Injected:%201",
          "\u0000",
          "%00",
          "ünïcødé ✓",
          "名前",
          "𝒳",
          "\u202eevil",
          "a b",
          "a+b",
          "...",
          " ",
          "x".repeat(5000));

  static List<String> hostile() {
    return HOSTILE;
  }

  private final MockWebServer server = new MockWebServer();
  private Path dir;

  private Paw paw;
  private ConnectorProtocol notes;
  private Set<String> ordinaryHeaders;
  private Set<String> ordinaryPostHeaders;

  @BeforeAll
  void setUp(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    server.start();
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(
        connectors.resolve("notes.yaml"),
        """
        name: notes
        base_url: https://notes.example/api
        auth:
          method: api_key
          in: header
          name: X-Api-Key
          credentials:
            - { name: NOTES_KEY, required: true }
          headers:
            X-Client: paw-test
        actions:
          - name: get_note
            url: /customers/{id}/notes
            params:
              id: { type: string, required: true }
              q: { type: string }
            trust_level: auto
          - name: get_file
            url: /files/{+path}
            params:
              path: { type: string, required: true }
            trust_level: auto
          - name: add_note
            method: POST
            url: /customers/{id}/notes
            params:
              id: { type: string, required: true }
            body:
              text: { type: string }
            trust_level: auto
          - name: search
            url: /search
            params:
              "../a b&c=d": { type: string }
            trust_level: auto
        """);
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .actor("injection-test")
            .build();
    Pocket pocket = paw.pocket("Injection");
    paw.credentials(pocket, "notes").put("NOTES_KEY", Secret.of("nk_test_4a1b"));
    notes = paw.connector(pocket, "notes");
    notes
        .connect(ConnectOptions.baseUrl(server.url("/api").toString()).withoutCredentialCheck())
        .toCompletableFuture()
        .join();
    ordinaryHeaders = names(call("get_note", Map.of("id", "42")).getHeaders());
    ordinaryPostHeaders = names(call("add_note", Map.of("id", "42", "text", "hello")).getHeaders());
  }

  @AfterAll
  void tearDown() {
    paw.close();
    server.close();
  }

  @BeforeEach
  void theKeyIsTheOrdinaryOne() {
    paw.credentials(paw.pocket("Injection"), "notes").put("NOTES_KEY", Secret.of("nk_test_4a1b"));
  }

  private RecordedRequest call(String action, Map<String, ?> params) throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{}")
            .build());
    notes.execute(action, params).toCompletableFuture().join();
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  private static Set<String> names(Headers headers) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(headers.names());
    return names;
  }

  private void assertSameOriginAndHeaders(RecordedRequest request) {
    assertThat(request.getUrl().host()).isEqualTo(server.getHostName());
    assertThat(request.getUrl().port()).isEqualTo(server.getPort());
    assertThat(names(request.getHeaders()))
        .isEqualTo(request.getMethod().equals("POST") ? ordinaryPostHeaders : ordinaryHeaders);
    assertThat(request.getHeaders().values("Host"))
        .containsExactly(server.getHostName() + ":" + server.getPort());
    assertThat(request.getHeaders().get("X-Client")).isEqualTo("paw-test");
    assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo("nk_test_4a1b");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void aPathValueStaysInsideItsSegment(String value) throws Exception {
    RecordedRequest request = call("get_note", Map.of("id", value));

    assertSameOriginAndHeaders(request);
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "customers", value, "notes");
    assertThat(request.getUrl().querySize()).isZero();
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void aQueryValueStaysOneValue(String value) throws Exception {
    RecordedRequest request = call("get_note", Map.of("id", "42", "q", value));

    assertSameOriginAndHeaders(request);
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "customers", "42", "notes");
    assertThat(request.getUrl().queryParameterNames()).containsExactly("q");
    assertThat(request.getUrl().queryParameterValues("q")).containsExactly(value);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void aBodyValueStaysOneField(String value) throws Exception {
    RecordedRequest request = call("add_note", Map.of("id", "42", "text", value));

    assertSameOriginAndHeaders(request);
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "customers", "42", "notes");
    JsonNode body = new ObjectMapper().readTree(request.getBody().utf8());
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.path("text").asText()).isEqualTo(value);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void aHostileWireNameIsOneEncodedQueryName(String value) throws Exception {
    RecordedRequest request = call("search", Map.of("../a b&c=d", value));

    assertSameOriginAndHeaders(request);
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "search");
    assertThat(request.getUrl().queryParameterNames()).containsExactly("../a b&c=d");
    assertThat(request.getUrl().queryParameterValues("../a b&c=d")).containsExactly(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", ".."})
  void aValueThatWouldNotBeASegmentIsRefusedBeforeAnythingIsSent(String value) {
    int before = server.getRequestCount();

    Throwable error =
        cause(
            catchThrowable(
                () -> notes.execute("get_note", Map.of("id", value)).toCompletableFuture().join()));

    assertThat(error)
        .hasMessageStartingWith("invalid parameters for action 'get_note': ")
        .isInstanceOfSatisfying(
            InvalidParametersException.class,
            e -> assertThat(e.parameters()).containsExactly("id"));
    assertThat(server.getRequestCount()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reports/2026/q1 summary.pdf", "a/b/c", "ünï/✓"})
  void aReservedPathValueMayAddSegments(String value) throws Exception {
    RecordedRequest request = call("get_file", Map.of("path", value));

    assertSameOriginAndHeaders(request);
    List<String> expected = new ArrayList<>(List.of("api", "files"));
    expected.addAll(List.of(value.split("/")));
    assertThat(request.getUrl().pathSegments()).containsExactlyElementsOf(expected);
  }

  @Test
  void everyReservedPathValueThatIsSentStaysUnderItsPlace() throws Exception {
    for (String value : HOSTILE) {
      int before = server.getRequestCount();
      server.enqueue(new MockResponse.Builder().body("{}").build());
      Throwable refused =
          catchThrowable(
              () -> notes.execute("get_file", Map.of("path", value)).toCompletableFuture().join());
      if (refused != null) {
        assertThat(cause(refused))
            .as(value)
            .hasMessageStartingWith("invalid parameters for action 'get_file': ")
            .isInstanceOfSatisfying(
                InvalidParametersException.class,
                e -> assertThat(e.parameters()).containsExactly("path"));
        assertThat(server.getRequestCount()).as(value).isEqualTo(before);
        server.takeRequest(0, TimeUnit.SECONDS);
        continue;
      }
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertSameOriginAndHeaders(request);
      List<String> segments = request.getUrl().pathSegments();
      assertThat(segments.subList(0, 2)).as(value).containsExactly("api", "files");
      assertThat(segments).as(value).doesNotContain("..", ".");
      assertThat(request.getUrl().querySize()).as(value).isZero();
    }
  }

  @Test
  void aCredentialWithALineBreakCannotAddAHeaderAndIsNotEchoed() {
    paw.credentials(paw.pocket("Injection"), "notes")
        .put("NOTES_KEY", Secret.of("nk_live_9f8e\r\nX-Injected: 1"));
    int before = server.getRequestCount();

    Throwable error =
        cause(
            catchThrowable(
                () -> notes.execute("get_note", Map.of("id", "1")).toCompletableFuture().join()));

    assertThat(error).isNotNull();
    assertThat(error.getMessage())
        .contains("header 'X-Api-Key'")
        .doesNotContain("nk_live_9f8e")
        .doesNotContain("X-Injected");
    assertThat(server.getRequestCount()).as("nothing sent").isEqualTo(before);
  }

  private static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
