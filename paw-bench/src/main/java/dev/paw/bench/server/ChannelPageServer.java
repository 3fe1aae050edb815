package dev.paw.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP/1.1 server: blocking socket channels, one pooled thread per connection,
 * keep-alive, and each response written with one gathering write straight from the rendered pages
 * (no copy, no per-request buffers but the header). Enough HTTP for GET requests from OkHttp and
 * urllib; nothing else.
 */
public final class ChannelPageServer implements PageServer {

  private static final int MAX_HEAD = 16 * 1024;

  private final ListRoute route;
  private final boolean nagle;
  private final ServerSocketChannel listener;
  private final ExecutorService connections;
  private final Thread acceptor;

  public ChannelPageServer(ListRoute route, int threads) {
    this(route, threads, false);
  }

  /**
   * @param nagle answer like Python's {@code http.server} does by default: Nagle's algorithm on
   *     ({@code TCP_NODELAY} off) and the header written before, and apart from, the body
   */
  public ChannelPageServer(ListRoute route, int threads, boolean nagle) {
    this.route = route;
    this.nagle = nagle;
    try {
      listener = ServerSocketChannel.open();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    connections = Executors.newFixedThreadPool(threads, r -> daemon(r, "page-connection"));
    acceptor = daemon(this::accept, "page-acceptor");
    acceptor.start();
  }

  @Override
  public String name() {
    return nagle ? "nio-channels, Nagle on, header and body apart" : "nio-channels";
  }

  @Override
  public String origin() {
    try {
      return "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept() {
    while (listener.isOpen()) {
      try {
        SocketChannel channel = listener.accept();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, !nagle);
        connections.execute(() -> serve(channel));
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        // a failed accept does not stop the server
      }
    }
  }

  private void serve(SocketChannel channel) {
    ByteBuffer in = ByteBuffer.allocate(MAX_HEAD).limit(0);
    try (channel) {
      while (true) {
        int end = readHead(channel, in);
        if (end < 0) {
          return;
        }
        String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
        in.position(end + 4);
        in.compact().flip();
        boolean close = respond(channel, head);
        if (close) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Reads until a blank line; returns where it starts, or -1 when the client closed first. */
  private static int readHead(SocketChannel channel, ByteBuffer in) throws IOException {
    int scanned = 0;
    while (true) {
      byte[] a = in.array();
      for (int i = Math.max(0, scanned - 3); i + 3 < in.limit(); i++) {
        if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
          return i;
        }
      }
      scanned = in.limit();
      if (in.limit() == in.capacity()) {
        throw new IOException("request head too long");
      }
      in.position(in.limit()).limit(in.capacity());
      int read = channel.read(in);
      in.flip();
      if (read < 0) {
        return -1;
      }
    }
  }

  /** Writes the response; returns whether the connection must close. */
  private boolean respond(SocketChannel channel, String head) throws IOException {
    int lineEnd = head.indexOf("\r\n");
    String[] line = (lineEnd < 0 ? head : head.substring(0, lineEnd)).split(" ");
    boolean close =
        line.length < 3
            || !line[2].equals("HTTP/1.1")
            || head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
    PageStore.Response response =
        line.length >= 2 && line[0].equals("GET") ? route.answer(line[1]) : null;
    String connection = close ? "Connection: close\r\n" : "";
    if (response == null) {
      byte[] body =
          "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such page\"}}"
              .getBytes(StandardCharsets.UTF_8);
      writeAll(
          channel, new ByteBuffer[] {header(404, body.length, connection), ByteBuffer.wrap(body)});
      return close;
    }
    ByteBuffer[] views = response.pieces();
    if (nagle) {
      writeAll(channel, new ByteBuffer[] {header(200, response.length(), connection)});
      writeAll(channel, views);
      return close;
    }
    ByteBuffer[] all = new ByteBuffer[views.length + 1];
    all[0] = header(200, response.length(), connection);
    System.arraycopy(views, 0, all, 1, views.length);
    writeAll(channel, all);
    return close;
  }

  private static ByteBuffer header(int status, long length, String connection) {
    String text =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Not Found")
            + "\r\nContent-Type: application/json"
            + "\r\nContent-Length: "
            + length
            + "\r\n"
            + connection
            + "\r\n";
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void writeAll(SocketChannel channel, ByteBuffer[] buffers) throws IOException {
    ByteBuffer last = buffers[buffers.length - 1];
    while (last.hasRemaining()) {
      channel.write(buffers);
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    connections.shutdownNow();
  }
}
