package dev.paw.runtime.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A connection's client keeps its base client's read timeout when the sockets enforce it instead of
 * Okio's watchdog: a silent server fails the read after the timeout, not at the call timeout.
 */
class SocketReadTimeoutTest {

  private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  @StartStop public final MockWebServer server = new MockWebServer();

  private final OkHttpClient base =
      new OkHttpClient.Builder().readTimeout(READ_TIMEOUT).callTimeout(CALL_TIMEOUT).build();

  @Test
  void aServerThatGoesSilentHalfWayThroughABodyFailsTheReadAfterTheReadTimeout() {
    server.enqueue(
        new MockResponse.Builder()
            .body("x".repeat(10_000))
            .throttleBody(100, 20, TimeUnit.SECONDS)
            .build());
    OkHttpClient client = ConnectionClientBuilder.on(base).build();

    long started = System.nanoTime();
    assertThatThrownBy(
            () -> {
              try (Response response = client.newCall(get()).execute()) {
                response.body().string();
              }
            })
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(READ_TIMEOUT)
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aServerThatNeverAnswersFailsTheReadAfterTheReadTimeout() {
    server.enqueue(
        new MockResponse.Builder().body("late").headersDelay(20, TimeUnit.SECONDS).build());
    OkHttpClient client = ConnectionClientBuilder.on(base).build();

    long started = System.nanoTime();
    assertThatThrownBy(() -> client.newCall(get()).execute().close())
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void twoConnectionsOfTheRuntimeShareOnePooledConnection() throws Exception {
    server.enqueue(new MockResponse.Builder().body("one").build());
    server.enqueue(new MockResponse.Builder().body("two").build());

    try (Response first = ConnectionClientBuilder.on(base).build().newCall(get()).execute()) {
      assertThat(first.body().string()).isEqualTo("one");
    }
    try (Response second = ConnectionClientBuilder.on(base).build().newCall(get()).execute()) {
      assertThat(second.body().string()).isEqualTo("two");
    }

    assertThat(server.takeRequest().getConnectionIndex()).isZero();
    assertThat(server.takeRequest().getConnectionIndex()).isZero();
  }

  @Test
  void aClientWithSocketsOfItsOwnKeepsOkiosReadTimeout() {
    SocketFactory own = new DelegatingSocketFactory();
    OkHttpClient custom = base.newBuilder().socketFactory(own).build();

    OkHttpClient client = ConnectionClientBuilder.on(custom).build();

    assertThat(client.socketFactory()).isSameAs(own);
    assertThat(client.readTimeoutMillis()).isEqualTo((int) READ_TIMEOUT.toMillis());
  }

  private Request get() {
    return new Request.Builder().url(server.url("/items")).build();
  }

  /** A socket factory that is not the default one. */
  private static final class DelegatingSocketFactory extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      return delegate.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return delegate.createSocket(address, port, localAddress, localPort);
    }
  }
}
