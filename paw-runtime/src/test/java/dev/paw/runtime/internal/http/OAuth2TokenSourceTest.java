package dev.paw.runtime.internal.http;

import static dev.paw.runtime.internal.http.TestConnectors.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.pocket.Pockets;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.spec.ConnectorSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OAuth 2 client-credentials and refresh-token grants against a real token endpoint. */
class OAuth2TokenSourceTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private ScopedCredentials credentials;

  @BeforeEach
  void setUp() throws Exception {
    CredentialScope scope = CredentialScope.of(new Pockets(PawHome.at(home)).open("p"), "svc");
    credentials = new InMemoryCredentialStore().scoped(scope);
  }

  private ConnectorSpec spec(String grant) {
    return load(
        """
        name: svc
        base_url: https://api.example.com
        auth:
          method: oauth2
          oauth2:
            grant: %s
            authorization_url: https://auth.example.com/authorize
            token_url: %s
            scopes: [read, write]
            client_id: CLIENT_ID
            client_secret: CLIENT_SECRET
          credentials:
            - {name: CLIENT_ID}
            - {name: CLIENT_SECRET}
        actions:
          - name: me
            url: /me
            trust_level: auto
        """
            .formatted(grant, server.url("/oauth/token")));
  }

  private OkHttpClient client(ConnectorSpec spec) {
    OAuth2TokenSource tokens =
        new OAuth2TokenSource(spec, credentials, TestConnectors.plainClient(), clock);
    return ConnectionClientBuilder.on(TestConnectors.plainClient())
        .auth(AuthInterceptor.create(spec.auth(), credentials::get, tokens, spec.name()))
        .build();
  }

  private int callMe(ConnectorSpec spec, OkHttpClient client) throws Exception {
    Request request =
        new RequestFactory(spec, credentials::get, server.url("/")).create("me", Map.of());
    return TestConnectors.send(client, request);
  }

  private static MockResponse token(String access, long expiresIn, String refresh) {
    String json =
        "{\"access_token\":\""
            + access
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + expiresIn
            + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"")
            + "}";
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(json)
        .build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body("{}").build();
  }

  @Test
  void clientCredentialsTokenIsFetchedOnceAndReusedUntilShortlyBeforeExpiry() throws Exception {
    credentials.put("CLIENT_ID", Secret.of("my client"));
    credentials.put("CLIENT_SECRET", Secret.of("s3cret"));
    ConnectorSpec spec = spec("client_credentials");
    OkHttpClient client = client(spec);
    server.enqueue(token("at-1", 3600, null));
    server.enqueue(ok());
    server.enqueue(ok());
    server.enqueue(token("at-2", 3600, null));
    server.enqueue(ok());

    callMe(spec, client);
    RecordedRequest tokenRequest = server.takeRequest();
    assertThat(tokenRequest.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(tokenRequest.getBody().utf8())
        .contains("grant_type=client_credentials", "scope=read+write");
    assertThat(tokenRequest.getHeaders().get("Authorization"))
        .isEqualTo(okhttp3.Credentials.basic("my+client", "s3cret"));
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer at-1");

    clock.advance(Duration.ofMinutes(50));
    callMe(spec, client);
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer at-1");

    clock.advance(Duration.ofMinutes(9)).advance(Duration.ofSeconds(1)); // inside the last minute
    callMe(spec, client);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer at-2");
  }

  @Test
  void aRotatedRefreshTokenIsUsedNextEvenWhenAnEnvironmentVariableShadowsTheStore()
      throws Exception {
    CredentialScope scope = credentials.scope();
    credentials =
        new dev.paw.runtime.internal.credentials.LayeredCredentialStore(
                new dev.paw.runtime.internal.credentials.EnvironmentCredentialStore(
                    Map.of("SVC_REFRESH_TOKEN", "rt-from-env")),
                new InMemoryCredentialStore())
            .scoped(scope);
    credentials.put("CLIENT_ID", Secret.of("cid"));
    ConnectorSpec spec = spec("authorization_code");
    OkHttpClient client = client(spec);
    server.enqueue(token("at-1", 3600, "rt-2"));
    server.enqueue(ok());
    server.enqueue(token("at-2", 3600, "rt-3"));
    server.enqueue(ok());

    callMe(spec, client);
    clock.advance(Duration.ofHours(2));
    callMe(spec, client);

    assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=rt-from-env");
    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8())
        .as("the rotated token, not the environment's again")
        .contains("refresh_token=rt-2");
  }

  @Test
  void twoRefreshingAtOnceNeitherSendARotatedTokenTwiceNorStoreTheOlderOne() throws Exception {
    // two connections, as two processes would have, over one encrypted credential file
    byte[] keyBytes = new byte[32];
    java.util.Arrays.fill(keyBytes, (byte) 7);
    dev.paw.runtime.internal.credentials.EncryptedFileCredentialStore store =
        new dev.paw.runtime.internal.credentials.EncryptedFileCredentialStore(
            PawHome.at(home), dev.paw.runtime.internal.credentials.MasterKey.of(keyBytes));
    credentials = store.scoped(credentials.scope());
    credentials.put("CLIENT_ID", Secret.of("cid"));
    credentials.put("SVC_REFRESH_TOKEN", Secret.of("rt-1"));
    ConnectorSpec spec = spec("authorization_code");
    // a server that rotates: each refresh token works once, and answers slowly enough for both to
    // be in flight
    java.util.concurrent.atomic.AtomicInteger issued =
        new java.util.concurrent.atomic.AtomicInteger(1);
    List<String> refused = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String body = request.getBody().utf8();
            synchronized (issued) {
              String current = "rt-" + issued.get();
              if (!body.contains("refresh_token=" + current + "&")
                  && !body.endsWith("refresh_token=" + current)) {
                refused.add(body.replaceAll(".*refresh_token=([^&]*).*", "$1"));
                return new MockResponse.Builder()
                    .code(400)
                    .body("{\"error\":\"invalid_grant\"}")
                    .build();
              }
              Thread.sleep(300);
              int next = issued.incrementAndGet();
              return token("at-" + next, 3600, "rt-" + next);
            }
          }
        });
    OAuth2TokenSource first =
        new OAuth2TokenSource(
            spec, store.scoped(credentials.scope()), TestConnectors.plainClient(), clock);
    OAuth2TokenSource second =
        new OAuth2TokenSource(
            spec, store.scoped(credentials.scope()), TestConnectors.plainClient(), clock);

    var both = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = both.submit(first::token);
      var b = both.submit(second::token);
      assertThat(
              List.of(a.get(10, TimeUnit.SECONDS).reveal(), b.get(10, TimeUnit.SECONDS).reveal()))
          .containsExactlyInAnyOrder("at-2", "at-3");
    } finally {
      both.shutdownNow();
    }

    assertThat(refused).as("refresh tokens sent after they were rotated away").isEmpty();
    assertThat(credentials.get("SVC_REFRESH_TOKEN").orElseThrow().reveal()).isEqualTo("rt-3");
  }

  @Test
  void theTokenEndpointIsNeitherRedirectedNorAskedTwice() throws Exception {
    credentials.put("CLIENT_ID", Secret.of("cid"));
    credentials.put("SVC_REFRESH_TOKEN", Secret.of("rt-1"));
    ConnectorSpec spec = spec("authorization_code");
    server.enqueue(
        new MockResponse.Builder()
            .code(307)
            .addHeader("Location", server.url("/elsewhere"))
            .build());

    assertThatThrownBy(() -> callMe(spec, client(spec)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("answered 307");
    assertThat(server.getRequestCount())
        .as("the grant is not posted to where the redirect points")
        .isEqualTo(1);
  }

  @Test
  void refreshTokenGrantWritesARotatedRefreshTokenBack() throws Exception {
    credentials.put("CLIENT_ID", Secret.of("cid"));
    credentials.put("SVC_REFRESH_TOKEN", Secret.of("rt-1"));
    ConnectorSpec spec = spec("authorization_code");
    server.enqueue(token("at-1", 3600, "rt-2"));
    server.enqueue(ok());

    callMe(spec, client(spec));

    RecordedRequest tokenRequest = server.takeRequest();
    assertThat(tokenRequest.getBody().utf8())
        .contains("grant_type=refresh_token", "refresh_token=rt-1", "client_id=cid");
    assertThat(tokenRequest.getHeaders().get("Authorization"))
        .as("a public client sends no secret")
        .isNull();
    assertThat(credentials.require("SVC_REFRESH_TOKEN").reveal()).isEqualTo("rt-2");
  }

  @Test
  void a401RefreshesTheTokenAndRetriesOnce() throws Exception {
    credentials.put("CLIENT_ID", Secret.of("cid"));
    credentials.put("CLIENT_SECRET", Secret.of("cs"));
    ConnectorSpec spec = spec("client_credentials");
    OkHttpClient client = client(spec);
    server.enqueue(token("at-1", 3600, null));
    server.enqueue(new MockResponse.Builder().code(401).build());
    server.enqueue(token("at-2", 3600, null));
    server.enqueue(new MockResponse.Builder().code(401).build());

    assertThat(callMe(spec, client)).as("a second 401 is the caller's to see").isEqualTo(401);
    assertThat(server.getRequestCount()).isEqualTo(4);
    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer at-1");
    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer at-2");
  }

  @Test
  void aRefusedGrantFailsClearlyWithoutSecrets() {
    credentials.put("CLIENT_ID", Secret.of("cid"));
    credentials.put("SVC_REFRESH_TOKEN", Secret.of("rt-expired-value"));
    ConnectorSpec spec = spec("authorization_code");
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body(
                "{\"error\":\"invalid_grant\",\"error_description\":\"token rt-expired-value is revoked\"}")
            .build());

    assertThatThrownBy(() -> callMe(spec, client(spec)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("invalid_grant")
        .hasMessageContaining("authorize again with: paw connect svc --pocket p --reauthorize")
        .hasMessageNotContaining("rt-expired-value");
  }

  @Test
  void withoutARefreshTokenTheUserIsToldToAuthorize() throws Exception {
    ConnectorSpec spec = spec("authorization_code");

    assertThatThrownBy(() -> callMe(spec, client(spec)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("SVC_REFRESH_TOKEN");
    assertThat(server.takeRequest(50, TimeUnit.MILLISECONDS)).isNull();
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    MutableClock advance(Duration duration) {
      now = now.plus(duration);
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
