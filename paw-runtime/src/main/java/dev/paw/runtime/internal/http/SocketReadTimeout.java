package dev.paw.runtime.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;

/**
 * Enforces a client's read timeout with the socket's own timeout ({@code SO_TIMEOUT}) instead of
 * Okio's watchdog thread. OkHttp times every read of at most 8 KiB by entering an Okio {@code
 * AsyncTimeout}, and each entry wakes the shared watchdog thread: 300,000 wake-ups for a sync of a
 * million Stripe invoices, about a seventh of its time on two cores (docs/performance.md). Here the
 * client has no read timeout of its own and its sockets turn "no timeout" into the read timeout, so
 * a server that goes silent still fails the read after it, with a {@link
 * java.net.SocketTimeoutException} as before. The kernel applies the timeout to each read as Okio
 * did, and a TLS socket layered on one of these reads through it.
 *
 * <p>One difference: OkHttp gives an HTTP/2 connection's socket no timeout (its streams time out on
 * their own); here an HTTP/2 connection that stays silent for the read timeout is closed, and the
 * next call opens another.
 */
final class SocketReadTimeout extends SocketFactory {

  private final int millis;

  private SocketReadTimeout(int millis) {
    this.millis = millis;
  }

  /**
   * Moves {@code base}'s read timeout from Okio to the sockets of {@code derived} (a builder made
   * from {@code base}). Leaves a client alone that has no read timeout, a socket factory of its own
   * or a SOCKS proxy, its own or the JVM's (OkHttp makes that socket itself).
   */
  static void install(OkHttpClient base, OkHttpClient.Builder derived) {
    int millis = base.readTimeoutMillis();
    Proxy proxy = base.proxy();
    if (millis == 0
        || base.socketFactory() != SocketFactory.getDefault()
        || (proxy != null && proxy.type() == Proxy.Type.SOCKS)
        || System.getProperty("socksProxyHost") != null) {
      return;
    }
    derived.socketFactory(new SocketReadTimeout(millis)).readTimeout(Duration.ZERO);
  }

  @Override
  public Socket createSocket() throws SocketException {
    return new TimedSocket(millis);
  }

  // OkHttp only calls createSocket() and connects the socket itself; the others complete the
  // factory
  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
    Socket socket = createSocket();
    if (local != null) {
      socket.bind(local);
    }
    socket.connect(remote);
    return socket;
  }

  /** Equal factories let OkHttp share pooled connections between clients (they are in its key). */
  @Override
  public boolean equals(Object other) {
    return other instanceof SocketReadTimeout that && that.millis == millis;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(millis);
  }

  /** A socket on which "no read timeout" means the factory's. */
  private static final class TimedSocket extends Socket {
    private final int millis;

    TimedSocket(int millis) throws SocketException {
      this.millis = millis;
      super.setSoTimeout(millis);
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
      super.setSoTimeout(timeout == 0 ? millis : timeout);
    }
  }
}
