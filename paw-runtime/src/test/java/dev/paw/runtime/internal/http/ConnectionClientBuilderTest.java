package dev.paw.runtime.internal.http;

import static dev.paw.runtime.internal.http.TestConnectors.credentials;
import static dev.paw.runtime.internal.http.TestConnectors.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.spec.ConnectorSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The interceptors composed the way a connection uses them. */
class ConnectionClientBuilderTest {

  private static final ConnectorSpec SPEC =
      load(
          """
      name: svc
      base_url: https://api.example.com
      auth:
        method: api_key
        name: X-Api-Key
        credentials: [{name: SVC_KEY}]
      actions:
        - name: list
          url: /items
          trust_level: auto
      """);

  @StartStop public final MockWebServer server = new MockWebServer();

  @StartStop public final MockWebServer elsewhere = new MockWebServer();

  private final List<Duration> sleeps = new ArrayList<>();
  private final LoggingInterceptorTest.CapturingLogger logger =
      new LoggingInterceptorTest.CapturingLogger();

  private OkHttpClient client() {
    var values = credentials(Map.of("SVC_KEY", "key-abc-123"));
    return ConnectionClientBuilder.on(HttpClients.shared())
        .logging(
            new LoggingInterceptor(
                logger, Redactor.of(List.of(Secret.of("key-abc-123"))), Set.of()))
        .auth(AuthInterceptor.create(SPEC.auth(), values, null, SPEC.name()))
        .rateLimit(new TokenBucket(1000, 10))
        .retry(
            new RetryInterceptor(RetryPolicy.defaults(), Clock.systemUTC(), sleeps::add, () -> 0.0))
        .build();
  }

  private int call() throws Exception {
    var values = credentials(Map.of("SVC_KEY", "key-abc-123"));
    return TestConnectors.send(
        client(), new RequestFactory(SPEC, values, server.url("/")).create("list", Map.of()));
  }

  @Test
  void everyAttemptIsAuthenticatedAndLogged() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().body("[]").build());

    assertThat(call()).isEqualTo(200);
    assertThat(server.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo("key-abc-123");
    assertThat(server.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo("key-abc-123");
    assertThat(logger.lines).filteredOn(l -> l.startsWith("DEBUG <-- ")).hasSize(2);
    assertThat(logger.lines).noneMatch(l -> l.contains("key-abc-123"));
  }

  @Test
  void redirectsAreNotFollowedSoCredentialsNeverReachAnotherHost() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", elsewhere.url("/steal"))
            .build());

    assertThat(call()).isEqualTo(302);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void theSharedPoolIsShared() {
    assertThat(client().connectionPool()).isSameAs(HttpClients.shared().connectionPool());
    assertThat(client().retryOnConnectionFailure()).isFalse();
  }
}
