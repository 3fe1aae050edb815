package dev.paw.bench.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's own HTTP server with a fixed thread pool, writing the rendered pages through its output
 * stream.
 */
public final class JdkPageServer implements PageServer {

  private final ListRoute route;
  private final HttpServer server;
  private final ExecutorService pool;

  public JdkPageServer(ListRoute route, int threads) {
    this.route = route;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "jdk-page-server");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  @Override
  public String name() {
    return "jdk-httpserver";
  }

  @Override
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      PageStore.Response response =
          exchange.getRequestMethod().equals("GET")
              ? route.answer(
                  exchange.getRequestURI().getRawPath()
                      + (exchange.getRequestURI().getRawQuery() == null
                          ? ""
                          : "?" + exchange.getRequestURI().getRawQuery()))
              : null;
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (response == null) {
        byte[] body = "{\"error\":{\"message\":\"No such page\"}}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      exchange.sendResponseHeaders(200, response.length());
      OutputStream out = exchange.getResponseBody();
      for (ByteBuffer piece : response.pieces()) {
        out.write(piece.array(), piece.arrayOffset() + piece.position(), piece.remaining());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
