package dev.paw.runtime.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** Retry rules against a real server; waits are recorded, not slept. */
class RetryInterceptorTest {

  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

  @StartStop public final MockWebServer server = new MockWebServer();

  private final List<Duration> sleeps = new ArrayList<>();
  private final OkHttpClient client =
      ConnectionClientBuilder.on(TestConnectors.plainClient())
          .retry(
              new RetryInterceptor(
                  new RetryPolicy(
                      4, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(60)),
                  Clock.fixed(NOW, ZoneOffset.UTC),
                  sleeps::add,
                  () -> 0.5))
          .build();

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{}").build();
  }

  private static MockResponse status(int code, String retryAfter) {
    return new MockResponse.Builder().code(code).addHeader("Retry-After", retryAfter).build();
  }

  private int get() throws IOException {
    return TestConnectors.send(client, new Request.Builder().url(server.url("/items")).build());
  }

  private int post(String idempotencyKey) throws IOException {
    Request.Builder request =
        new Request.Builder()
            .url(server.url("/refunds"))
            .post(
                RequestBody.create(
                    "charge=ch_1", MediaType.get("application/x-www-form-urlencoded")));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return TestConnectors.send(client, request.build());
  }

  @Test
  void a429WaitsForRetryAfterSeconds() throws Exception {
    server.enqueue(status(429, "7"));
    server.enqueue(status(200));

    assertThat(get()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDate() throws Exception {
    server.enqueue(status(503, "Fri, 01 May 2026 12:00:30 GMT"));
    server.enqueue(status(200));

    assertThat(get()).isEqualTo(200);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void aRetryAfterBeyondTheCapReturnsTheAnswerInsteadOfWaiting() throws Exception {
    server.enqueue(status(429, "3600"));

    assertThat(get()).isEqualTo(429);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void serverErrorsBackOffExponentiallyWithJitterAndAttemptsAreBounded() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(status(i % 2 == 0 ? 503 : 502));
    }

    assertThat(get()).as("the fourth answer (503, 502, 503, 502) is returned").isEqualTo(502);
    assertThat(server.getRequestCount()).isEqualTo(4);
    // random 0.5 of min(5 s, 100 ms * 2^n)
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void otherStatusesAreNotRetried() throws Exception {
    server.enqueue(status(404));

    assertThat(get()).isEqualTo(404);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostIsNotRetriedAfterA500() throws Exception {
    server.enqueue(status(500));
    server.enqueue(status(200));

    assertThat(post(null)).isEqualTo(500);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostIsRetriedAfter429AndAfter503WithRetryAfter() throws Exception {
    server.enqueue(status(429, "1"));
    server.enqueue(status(503, "2"));
    server.enqueue(status(200));

    assertThat(post(null)).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aPostIsNotRetriedAfterA503WhoseRetryAfterCannotBeRead() throws Exception {
    server.enqueue(status(503, "soon"));
    server.enqueue(status(200));

    assertThat(post(null)).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aPostWithAnIdempotencyKeyIsRetriedAfterA500() throws Exception {
    server.enqueue(status(500));
    server.enqueue(status(200));

    assertThat(post("key-1")).isEqualTo(200);
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
  }

  @Test
  void aGetIsRetriedAfterTheConnectionDrops() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(status(200));

    assertThat(get()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPostIsNotRetriedWhenTheConnectionDropsAfterItWasSent() {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(status(200));

    assertThatThrownBy(() -> post(null)).isInstanceOf(IOException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostIsRetriedWhenItSurelyWasNotSentAndAttemptsStayBounded() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpUrl nowhere =
        new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(closedPort).build();
    Request request =
        new Request.Builder()
            .url(nowhere)
            .post(RequestBody.create("x", MediaType.get("text/plain")))
            .build();

    assertThatThrownBy(() -> TestConnectors.send(client, request))
        .isInstanceOf(ConnectException.class);
    assertThat(sleeps).hasSize(3);
  }
}
