package dev.paw.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The third-party Stripe API mock (npm {@code stripe-stateful-mock}), started on 127.0.0.1 for one
 * test class and seeded through its own API. The Maven build installs it (see paw-runtime/pom.xml).
 */
public final class StripeMock implements AutoCloseable {

  /** Any {@code sk_test_} key is accepted; a canary value, so leak scans can look for it. */
  public static final String SECRET_KEY = "sk_test_pawCanary4f7c1e9b";

  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final String baseUrl;
  private final OkHttpClient http = new OkHttpClient();

  private StripeMock(Process process, int port) {
    this.process = process;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  public static StripeMock start() throws IOException, InterruptedException {
    Path nodePath =
        Path.of(System.getProperty("paw.stripeMock.nodePath", "target/stripe-mock/node_modules"));
    Path script =
        Path.of(
            System.getProperty("paw.stripeMock.script", "src/test/stripe-mock/start-loopback.js"));
    if (!Files.isDirectory(nodePath.resolve("stripe-stateful-mock"))) {
      throw new IllegalStateException(
          "stripe-stateful-mock is not installed in "
              + nodePath
              + "; the Maven build installs it (mvn generate-test-resources)");
    }
    ProcessBuilder builder =
        new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
    builder.environment().put("PORT", "0");
    builder.environment().put("NODE_PATH", nodePath.toString());
    builder.environment().put("LOG_LEVEL", "warn");
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<String> seen = new ArrayList<>();
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "stripe-mock-output");
        drain.setDaemon(true);
        drain.start();
        return new StripeMock(process, Integer.parseInt(m.group(1)));
      }
      seen.add(line);
    }
    process.destroyForcibly();
    throw new IllegalStateException("stripe-stateful-mock did not start: " + seen);
  }

  /** The API root, to use as the connection's base URL override ({@code .../v1}). */
  public String apiBase() {
    return baseUrl + "/v1";
  }

  /** Creates {@code count} customers with a card each; returns their ids. */
  public List<String> seedCustomers(int count) throws IOException {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(
          post(
              "/v1/customers",
              new FormBody.Builder()
                  .add("email", "user" + i + "@example.com")
                  .add("description", "customer " + i)
                  .add("source", "tok_visa")
                  .add("metadata[seq]", String.valueOf(i))
                  .build()));
    }
    return ids;
  }

  /** Creates {@code count} successful card charges; returns their ids. */
  public List<String> seedCharges(int count) throws IOException {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(
          post(
              "/v1/charges",
              new FormBody.Builder()
                  .add("amount", String.valueOf(1000 + i))
                  .add("currency", "usd")
                  .add("source", "tok_visa")
                  .add("description", "charge " + i)
                  .build()));
    }
    return ids;
  }

  /** GETs a path with the test key and returns the body. */
  public String get(String path) throws IOException {
    try (Response response =
        http.newCall(
                new Request.Builder()
                    .url(baseUrl + path)
                    .header("Authorization", "Bearer " + SECRET_KEY)
                    .build())
            .execute()) {
      return response.body().string();
    }
  }

  private String post(String path, FormBody body) throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl + path)
            .header("Authorization", "Bearer " + SECRET_KEY)
            .post(body)
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new IOException("seeding " + path + " failed: " + response.code() + " " + text);
      }
      Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(text);
      if (!id.find()) {
        throw new IOException("no id in " + text);
      }
      return id.group(1);
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

  /** How long seeding took, for test logs. */
  public static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
