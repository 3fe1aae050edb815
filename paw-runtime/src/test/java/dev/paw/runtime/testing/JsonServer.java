package dev.paw.runtime.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * typicode's json-server, a third-party REST server from npm, run on 127.0.0.1 on a free port over
 * a JSON file of its own; the Maven build installs it (see paw-runtime/pom.xml). Its records are
 * changed through its own REST API, as any client would.
 */
public final class JsonServer implements AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json");

  private final Process process;
  private final String baseUrl;
  private final OkHttpClient http = new OkHttpClient();

  private JsonServer(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** Starts json-server over {@code db} (a JSON file it owns from now on). */
  public static JsonServer start(Path db) throws IOException, InterruptedException {
    Path script =
        Path.of(
            System.getProperty(
                "paw.jsonServer.script",
                "target/json-server/node_modules/json-server/lib/cli/bin.js"));
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(
          "json-server is not installed at "
              + script
              + "; the Maven build installs it (mvn generate-test-resources)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                "node",
                script.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--quiet",
                db.toString())
            .redirectErrorStream(true)
            .redirectOutput(db.resolveSibling("json-server.log").toFile())
            .start();
    JsonServer server = new JsonServer(process, "http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "json-server exited: " + Files.readString(db.resolveSibling("json-server.log")));
      }
      try {
        server.get("/db");
        return server;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    server.close();
    throw new IllegalStateException("json-server did not start on port " + port);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String get(String path) throws IOException {
    return call(new Request.Builder().url(baseUrl + path).build());
  }

  public String post(String path, String json) throws IOException {
    return call(
        new Request.Builder().url(baseUrl + path).post(RequestBody.create(json, JSON)).build());
  }

  public String patch(String path, String json) throws IOException {
    return call(
        new Request.Builder().url(baseUrl + path).patch(RequestBody.create(json, JSON)).build());
  }

  public String delete(String path) throws IOException {
    return call(new Request.Builder().url(baseUrl + path).delete().build());
  }

  private String call(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new IOException(request.method() + " " + request.url() + ": " + response.code());
      }
      return text;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
