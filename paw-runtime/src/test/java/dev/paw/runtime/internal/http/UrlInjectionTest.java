package dev.paw.runtime.internal.http;

import static dev.paw.runtime.internal.http.TestConnectors.credentials;
import static dev.paw.runtime.internal.http.TestConnectors.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ContentType;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.Location;
import dev.paw.spec.PaginationSpec;
import dev.paw.spec.ParamIn;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import dev.paw.spec.TrustLevel;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile parameter values against a real server: the host, the path's segments and the headers
 * must not move.
 */
class UrlInjectionTest {

  private static final String SPEC =
      """
      name: notes
      base_url: "{SERVICE_BASE_URL}/api"
      auth:
        method: bearer
        credentials:
          - {name: SERVICE_BASE_URL, secret: false}
          - {name: API_TOKEN}
      actions:
        - name: get_note
          url: /customers/{id}/notes
          params:
            id: { type: string, required: true }
            q: { type: string }
          trust_level: auto
        - name: get_path
          url: /files/{+path}
          params:
            path: { type: string, required: true }
          trust_level: auto
      """;

  @StartStop public final MockWebServer server = new MockWebServer();

  private final OkHttpClient client = TestConnectors.plainClient();

  private RequestFactory factory() {
    String base = server.url("/").toString();
    return new RequestFactory(
        load(SPEC),
        credentials(
            Map.of("SERVICE_BASE_URL", base.substring(0, base.length() - 1), "API_TOKEN", "t0ken")),
        null);
  }

  private RecordedRequest send(Request request) throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    TestConnectors.send(client, request);
    return server.takeRequest();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "../../admin",
        "a/b",
        "%2F",
        "..%2F..%2Fadmin",
        "?q=1",
        "#frag",
        "@evil.com",
        "evil.com:80@x",
        "\r\nX-Injected: 1",
        "x\nHost: evil.com",
        "ünïcødé ✓",
        "a b",
        "%00",
        "\\..\\x",
        "//evil.com",
        ";x=1",
        "a&b=c",
        "...",
        "%2e%2e"
      })
  void aPathValueStaysInsideItsOneSegment(String hostile) throws Exception {
    RecordedRequest received = send(factory().create("get_note", Map.of("id", hostile)));

    assertThat(received.getUrl().host()).isEqualTo(server.getHostName());
    assertThat(received.getUrl().port()).isEqualTo(server.getPort());
    assertThat(received.getUrl().pathSegments())
        .containsExactly("api", "customers", hostile, "notes");
    assertThat(received.getUrl().querySize()).isZero();
    assertThat(received.getHeaders().names()).doesNotContain("X-Injected");
    assertThat(received.getHeaders().values("Host")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../x", "a&b=c#d", "?x=1&y=2", "\r\nX-Injected: 1", "ünï ✓", "a+b", "%20"})
  void aQueryValueStaysOneValue(String hostile) throws Exception {
    RecordedRequest received = send(factory().create("get_note", Map.of("id", "1", "q", hostile)));

    assertThat(received.getUrl().queryParameterNames()).containsExactly("q");
    assertThat(received.getUrl().queryParameter("q")).isEqualTo(hostile);
    assertThat(received.getUrl().pathSegments()).containsExactly("api", "customers", "1", "notes");
    assertThat(received.getHeaders().names()).doesNotContain("X-Injected");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void aValueThatWouldBeADotSegmentIsRefusedBeforeSending(String dots) {
    assertThatThrownBy(() -> factory().create("get_note", Map.of("id", dots)))
        .isInstanceOfSatisfying(
            InvalidParametersException.class,
            e -> assertThat(e.parameters()).containsExactly("id"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anEmptyPathValueIsRefused() {
    // "DELETE /customers/" would address the collection instead of one customer
    assertThatThrownBy(() -> factory().create("get_note", Map.of("id", "")))
        .isInstanceOf(InvalidParametersException.class)
        .hasMessageContaining("cannot be empty");
  }

  @Test
  void anOptionalPathParameterLeftOutIsRefused() {
    ConnectorSpec spec =
        load(
            """
        name: items
        base_url: https://api.example.com
        actions:
          - name: delete_item
            method: DELETE
            url: /items/{id}
            params:
              id: { type: integer }
        """);

    assertThatThrownBy(
            () ->
                new RequestFactory(spec, credentials(Map.of()), null)
                    .create("delete_item", Map.of()))
        .isInstanceOfSatisfying(
            InvalidParametersException.class, e -> assertThat(e.parameters()).containsExactly("id"))
        .hasMessageContaining("which the url needs");
  }

  @Test
  void aReservedValueMayAddSegments() throws Exception {
    RecordedRequest received =
        send(factory().create("get_path", Map.of("path", "reports/2026/q1 summary.pdf")));

    assertThat(received.getUrl().pathSegments())
        .containsExactly("api", "files", "reports", "2026", "q1 summary.pdf");
    assertThat(received.getUrl().host()).isEqualTo(server.getHostName());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../admin", "a/../../b", "a/./b", "x?y=1", "x#f", "a//b", "//evil.com/x", ".."})
  void aReservedValueCannotClimbQueryOrAddAnAuthority(String hostile) {
    assertThatThrownBy(() -> factory().create("get_path", Map.of("path", hostile)))
        .isInstanceOfSatisfying(
            InvalidParametersException.class,
            e -> assertThat(e.parameters()).containsExactly("path"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aParameterInTheHostIsRefusedEvenIfTheLinkerWasBypassed() {
    // the linker already rejects this; the runtime must not rely on that alone
    ParamSpec host =
        new ParamSpec(
            Location.file("x.yaml"),
            "tenant",
            ParamType.STRING,
            true,
            null,
            List.of(),
            null,
            ParamIn.PATH);
    ActionSpec action =
        new ActionSpec(
            Location.file("x.yaml"),
            "get",
            null,
            HttpMethod.GET,
            "https://{tenant}.example.com/x",
            List.of(host),
            List.of(),
            TrustLevel.AUTO,
            ContentType.JSON,
            null,
            null,
            null,
            false,
            PaginationSpec.none(Location.file("x.yaml")));
    ConnectorSpec spec =
        load("""
        name: hosted
        auth: {method: none}
        actions: []
        """)
            .withActions(List.of(action));

    assertThatThrownBy(
            () ->
                new RequestFactory(spec, credentials(Map.of()), null)
                    .create("get", Map.of("tenant", "evil.com/")))
        .isInstanceOfSatisfying(
            InvalidParametersException.class,
            e -> assertThat(e.getMessage()).contains("cannot set the host"));
  }

  @Test
  void aHostCredentialWithABasePathKeepsItsSegments() throws Exception {
    String base = server.url("/tenant-7/").toString();
    RequestFactory factory =
        new RequestFactory(load(SPEC), credentials(Map.of("SERVICE_BASE_URL", base)), null);

    RecordedRequest received = send(factory.create("get_note", Map.of("id", "../../x")));

    assertThat(received.getUrl().pathSegments())
        .containsExactly("tenant-7", "api", "customers", "../../x", "notes");
  }
}
