package dev.paw.runtime.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * The rate limit on a fake monotonic clock: sleeping advances it, so waits are exact and instant.
 */
class TokenBucketTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new ArrayList<>();

  private TokenBucket bucket(double perSecond, int burst) {
    return new TokenBucket(
        perSecond,
        burst,
        nanos::get,
        d -> {
          sleeps.add(d);
          nanos.addAndGet(d.toNanos());
        });
  }

  @Test
  void aBurstPassesThenRequestsAreSpacedByTheRate() throws Exception {
    TokenBucket bucket = bucket(5, 2);
    for (int i = 0; i < 5; i++) {
      bucket.acquire();
    }

    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
  }

  @Test
  void quietTimeRefillsUpToTheBurstOnly() throws Exception {
    TokenBucket bucket = bucket(10, 3);
    for (int i = 0; i < 3; i++) {
      bucket.acquire();
    }
    nanos.addAndGet(Duration.ofSeconds(60).toNanos());
    for (int i = 0; i < 4; i++) {
      bucket.acquire();
    }

    assertThat(sleeps).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void waitingCallersQueueRatherThanShareAPermit() {
    TokenBucket bucket = bucket(2, 1);

    assertThat(bucket.reserve()).isEqualTo(Duration.ZERO);
    assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(500));
    assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void everyRequestOfAConnectionPassesTheLimit() throws Exception {
    OkHttpClient client =
        ConnectionClientBuilder.on(TestConnectors.plainClient()).rateLimit(bucket(4, 1)).build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().body("{}").build());
      TestConnectors.send(client, new Request.Builder().url(server.url("/")).build());
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
  }

  @Test
  void nonsenseRatesAreRefused() {
    assertThatThrownBy(() -> new TokenBucket(0, 1)).hasMessageContaining("positive");
    assertThatThrownBy(() -> new TokenBucket(1, 0)).hasMessageContaining("burst");
  }
}
