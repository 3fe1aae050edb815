package dev.paw.runtime.internal.http;

import static dev.paw.runtime.internal.http.TestConnectors.credentials;
import static dev.paw.runtime.internal.http.TestConnectors.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.spec.ConnectorSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Every auth method, checked on the requests a real server received. */
class AuthInterceptorTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  private RecordedRequest call(String authYaml, Map<String, String> values) throws Exception {
    ConnectorSpec spec =
        load(
            """
        name: svc
        base_url: https://api.example.com
        auth:
        %s
        actions:
          - name: ping
            url: /ping
            params:
              q: { type: string }
            trust_level: auto
        """
                .formatted(authYaml.indent(2)));
    AuthInterceptor auth =
        AuthInterceptor.create(spec.auth(), credentials(values), null, spec.name());
    OkHttpClient client =
        ConnectionClientBuilder.on(TestConnectors.plainClient()).auth(auth).build();
    Request request =
        new RequestFactory(spec, credentials(values), server.url("/"))
            .create("ping", Map.of("q", "1"));
    server.enqueue(new MockResponse.Builder().body("{}").build());
    TestConnectors.send(client, request);
    return server.takeRequest();
  }

  @Test
  void credentialsGoOnlyToPinnedHosts() throws Exception {
    ConnectorSpec spec =
        load(
            """
        name: svc
        base_url: https://api.example.com
        auth: { method: bearer, credentials: [ { name: SVC_TOKEN } ] }
        actions: [ { name: ping, url: /ping, trust_level: auto } ]
        """);
    Map<String, String> values = Map.of("SVC_TOKEN", "tok-pinned-3f");
    AuthInterceptor auth =
        AuthInterceptor.create(
            spec.auth(),
            credentials(values),
            null,
            spec.name(),
            host -> host.equals("api.example.com"));
    OkHttpClient client =
        ConnectionClientBuilder.on(TestConnectors.plainClient()).auth(auth).build();
    Request elsewhere =
        new RequestFactory(spec, credentials(values), server.url("/")).create("ping", Map.of());

    assertThatThrownBy(() -> TestConnectors.send(client, elsewhere))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("does not send its credentials to " + server.getHostName())
        .hasMessageNotContaining("tok-pinned-3f");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void apiKeyDefaultsToABearerAuthorizationHeader() throws Exception {
    RecordedRequest r =
        call(
            """
        method: api_key
        credentials: [{name: STRIPE_API_KEY}]
        """,
            Map.of("STRIPE_API_KEY", "sk_test_1"));

    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer sk_test_1");
  }

  @Test
  void apiKeyInANamedHeaderWithoutPrefix() throws Exception {
    RecordedRequest r =
        call(
            """
        method: api_key
        in: header
        name: X-Api-Key
        credentials: [{name: TAVILY_API_KEY}]
        """,
            Map.of("TAVILY_API_KEY", "tvly-1"));

    assertThat(r.getHeaders().get("X-Api-Key")).isEqualTo("tvly-1");
    assertThat(r.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void apiKeyInTheQueryKeepsTheOtherParameters() throws Exception {
    RecordedRequest r =
        call(
            """
        method: api_key
        in: query
        name: api_key
        credentials: [{name: KEY}]
        """,
            Map.of("KEY", "k&v=1"));

    assertThat(r.getUrl().queryParameter("api_key")).isEqualTo("k&v=1");
    assertThat(r.getUrl().queryParameter("q")).isEqualTo("1");
    assertThat(r.getUrl().queryParameterNames()).containsExactlyInAnyOrder("api_key", "q");
  }

  @Test
  void apiKeyWithACustomPrefix() throws Exception {
    RecordedRequest r =
        call(
            """
        method: api_key
        name: Authorization
        prefix: "Token "
        credentials: [{name: KEY}]
        """,
            Map.of("KEY", "abc"));

    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Token abc");
  }

  @Test
  void bearer() throws Exception {
    RecordedRequest r =
        call(
            """
        method: bearer
        credentials: [{name: GITHUB_TOKEN}]
        """,
            Map.of("GITHUB_TOKEN", "ghp_1"));

    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer ghp_1");
  }

  @Test
  void basicFromTheConfiguredCredentials() throws Exception {
    RecordedRequest r =
        call(
            """
        method: basic
        username: JIRA_EMAIL
        password: JIRA_API_TOKEN
        credentials: [{name: JIRA_EMAIL}, {name: JIRA_API_TOKEN}]
        """,
            Map.of("JIRA_EMAIL", "me@example.com", "JIRA_API_TOKEN", "pä:ss"));

    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("me@example.com:pä:ss".getBytes(StandardCharsets.UTF_8));
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(expected);
  }

  @Test
  void cookie() throws Exception {
    RecordedRequest r =
        call(
            """
        method: cookie
        name: session
        credentials: [{name: SESSION_COOKIE}]
        """,
            Map.of("SESSION_COOKIE", "s3ss"));

    assertThat(r.getHeaders().get("Cookie")).isEqualTo("session=s3ss");
  }

  @Test
  void header() throws Exception {
    RecordedRequest r =
        call(
            """
        method: header
        header: X-Auth-Token
        credentials: [{name: AUTH_TOKEN}]
        """,
            Map.of("AUTH_TOKEN", "tok"));

    assertThat(r.getHeaders().get("X-Auth-Token")).isEqualTo("tok");
  }

  @Test
  void noneSendsNoCredentials() throws Exception {
    RecordedRequest r = call("method: none\n", Map.of());

    assertThat(r.getHeaders().get("Authorization")).isNull();
    assertThat(r.getHeaders().get("Cookie")).isNull();
  }

  @Test
  void staticHeadersFillCredentialPlaceholders() throws Exception {
    RecordedRequest r =
        call(
            """
        method: bearer
        headers:
          Accept: application/vnd.github+json
          X-Tenant: "tenant-{TENANT_ID}"
        credential: GITHUB_TOKEN
        credentials: [{name: GITHUB_TOKEN}, {name: TENANT_ID, secret: false}]
        """,
            Map.of("GITHUB_TOKEN", "ghp_1", "TENANT_ID", "42"));

    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
    assertThat(r.getHeaders().get("X-Tenant")).isEqualTo("tenant-42");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer ghp_1");
  }

  @Test
  void oauth2WithAStoredTokenSendsItAsBearer() throws Exception {
    RecordedRequest r =
        call(
            """
        method: oauth
        credentials: [{name: GMAIL_TOKEN}]
        """,
            Map.of("GMAIL_TOKEN", "ya29.x"));

    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.x");
  }

  @Test
  void aMissingCredentialFailsTheCallByNameAndSendsNothing() {
    assertThatThrownBy(
            () ->
                call(
                    """
        method: bearer
        credentials: [{name: GITHUB_TOKEN}]
        """,
                    Map.of()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("missing credential 'GITHUB_TOKEN'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aCredentialWithALineBreakCannotInjectAHeaderAndIsNotEchoed() {
    assertThatThrownBy(
            () ->
                call(
                    """
        method: api_key
        name: X-Api-Key
        credentials: [{name: KEY}]
        """,
                    Map.of("KEY", "secret-part\r\nX-Injected: 1")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("X-Api-Key")
        .hasMessageNotContaining("secret-part");
    assertThat(server.getRequestCount()).isZero();
  }
}
