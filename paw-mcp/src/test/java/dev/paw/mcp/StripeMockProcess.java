package dev.paw.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * stripe-stateful-mock (npm, installed by this module's build) on 127.0.0.1, started with
 * paw-runtime's loopback script. Its state tells how many writes reached it.
 */
final class StripeMockProcess implements AutoCloseable {

  /** Accepted by the mock; a canary that must never reach an MCP client. */
  static final String SECRET_KEY = "sk_test_mcpCanary7d1f0c3a";

  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private StripeMockProcess(Process process, int port) {
    this.process = process;
    this.base = "http://127.0.0.1:" + port;
  }

  static Path nodeModules() {
    return Path.of(System.getProperty("paw.node.modules", "target/node/node_modules"));
  }

  static StripeMockProcess start() throws IOException {
    Path script =
        Path.of(
            System.getProperty(
                "paw.stripeMock.script", "../paw-runtime/src/test/stripe-mock/start-loopback.js"));
    if (!Files.isDirectory(nodeModules().resolve("stripe-stateful-mock"))) {
      throw new IllegalStateException(
          "stripe-stateful-mock is not installed in "
              + nodeModules()
              + "; the Maven build installs it (mvn generate-test-resources)");
    }
    ProcessBuilder builder =
        new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
    builder.environment().put("PORT", "0");
    builder.environment().put("NODE_PATH", nodeModules().toString());
    builder.environment().put("LOG_LEVEL", "warn");
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "stripe-mock-output");
        drain.setDaemon(true);
        drain.start();
        return new StripeMockProcess(process, Integer.parseInt(m.group(1)));
      }
      seen.add(line);
    }
    process.destroyForcibly();
    throw new IllegalStateException("stripe-stateful-mock did not start: " + seen);
  }

  String apiBase() {
    return base + "/v1";
  }

  /** How many objects a list endpoint holds ({@code /v1/customers}), up to 100. */
  int count(String path) throws IOException, InterruptedException {
    String body = get(path + "?limit=100");
    Matcher ids = Pattern.compile("\"object\"\\s*:\\s*\"" + objectName(path) + "\"").matcher(body);
    int n = 0;
    while (ids.find()) {
      n++;
    }
    return n;
  }

  private static String objectName(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.substring(0, last.length() - 1);
  }

  String get(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + SECRET_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** POSTs a form and returns the new object's id. */
  String post(String path, String form) throws IOException, InterruptedException {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + SECRET_KEY)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    if (!id.find()) {
      throw new IOException("no id in " + body);
    }
    return id.group(1);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
