package dev.paw.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.dashboard.widget.WidgetFile;
import dev.paw.runtime.Paw;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's HTTP API, through a real HTTP client against a real server and pocket files. */
class DashboardServerTest {

  @TempDir Path dir;

  private Paw paw;
  private Dashboard dashboard;
  private HttpClient browser;
  private Path database;

  @BeforeEach
  void start() throws Exception {
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectors(List.of())
            .build();
    paw.pocket("My Shop");
    paw.pocket("Other");
    database = dir.resolve("home/pockets/my-shop/pocket.db");
    write(
        database,
        "CREATE TABLE stripe_customers (id TEXT PRIMARY KEY, name TEXT, email TEXT, created INTEGER,"
            + " balance INTEGER, score REAL)",
        "INSERT INTO stripe_customers VALUES ('cus_1', '<script>alert(1)</script>', 'a@x.test', 1,"
            + " 9007199254740993, 0.1)",
        "INSERT INTO stripe_customers VALUES ('cus_2', NULL, 'b@x.test', 2, 5, 2.5)",
        "UPDATE _paw_connections SET base_url_override = 'http://user:pw-canary@127.0.0.1/v1'");
    write(
        dir.resolve("home/pockets/other/pocket.db"),
        "CREATE TABLE private_notes (text TEXT)",
        "INSERT INTO private_notes VALUES ('only-on-other-page')");
    dashboard = Dashboard.start(paw, 0, Duration.ofMillis(500));
    browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  @AfterEach
  void stop() throws Exception {
    dashboard.close();
    paw.close();
  }

  @Test
  void everyRequestNeedsTheTokenWhichMovesFromTheUrlToAStrictCookie() throws Exception {
    HttpClient stranger = HttpClient.newHttpClient();
    assertThat(get(stranger, "/api/pockets").statusCode()).isEqualTo(401);
    assertThat(get(stranger, "/").statusCode()).isEqualTo(401);
    assertThat(get(stranger, "/api/pockets?token=wrong").statusCode()).isEqualTo(403);
    HttpResponse<String> wrongCookie =
        stranger.send(
            HttpRequest.newBuilder(url("/api/pockets")).header("Cookie", "paw_token=guess").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongCookie.statusCode()).isEqualTo(403);

    HttpResponse<String> first =
        stranger.send(
            HttpRequest.newBuilder(dashboard.pocketUrl("my-shop")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("Location").orElseThrow())
        .endsWith("/pockets/my-shop")
        .doesNotContain("token");
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("paw_token=").containsIgnoringCase("HttpOnly");
    assertThat(cookie).containsIgnoringCase("SameSite=Strict");

    HttpResponse<String> page = get(browser, dashboard.pocketUrl("my-shop"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getQuery()).isNull();
    assertThat(page.body()).contains("<script type=\"module\" src=\"/static/app.js\">");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("default-src 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(get(browser, "/api/pockets").statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestForAnotherHostIsRefusedEvenWithTheToken() throws Exception {
    String token = dashboard.url().getQuery().substring("token=".length());
    String answer =
        raw(
            "GET /api/pockets HTTP/1.1\r\nHost: attacker.example:"
                + dashboard.port()
                + "\r\nCookie: paw_token="
                + token
                + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 403");
    String allowed =
        raw(
            "GET /api/pockets HTTP/1.1\r\nHost: 127.0.0.1:"
                + dashboard.port()
                + "\r\nCookie: paw_token="
                + token
                + "\r\nConnection: close\r\n\r\n");
    assertThat(allowed).startsWith("HTTP/1.1 200");
  }

  @Test
  void pocketsListTheirTablesAndConnectionsButNoSecretOrBaseUrl() throws Exception {
    login();
    String pockets = get(browser, "/api/pockets").body();
    assertThat(pockets).contains("\"slug\":\"my-shop\"", "\"name\":\"stripe_customers\"");
    assertThat(pockets).contains("\"rows\":2");
    for (String path :
        List.of("/api/pockets", "/api/pockets/my-shop", "/api/pockets/my-shop/widgets")) {
      assertThat(get(browser, path).body()).doesNotContain("pw-canary");
    }
    assertThat(get(browser, "/api/pockets/my-shop/table?name=_paw_connections").statusCode())
        .isEqualTo(400);
    assertThat(get(browser, "/api/pockets/my-shop/table?name=private_notes").statusCode())
        .isEqualTo(400);
    assertThat(get(browser, "/api/pockets/other/table?name=private_notes").body())
        .contains("only-on-other-page");
    assertThat(get(browser, "/api/pockets/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void theTableBrowserPagesSortsFiltersAndKeepsValuesExact() throws Exception {
    login();
    String all =
        get(browser, "/api/pockets/my-shop/table?name=stripe_customers&sort=created").body();
    assertThat(all).contains("\"matching\":2");
    // beyond JavaScript's safe integers: a string, digit for digit; NULL stays null; 0.1 stays 0.1
    assertThat(all).contains("\"9007199254740993\"", "0.1", "null");
    assertThat(all).contains("{\"name\":\"balance\",\"declaredType\":\"INTEGER\"");
    String descending =
        get(
                browser,
                "/api/pockets/my-shop/table?name=stripe_customers&sort=created&dir=desc&size=1")
            .body();
    assertThat(descending).contains("cus_2").doesNotContain("cus_1");
    String filtered =
        get(browser, "/api/pockets/my-shop/table?name=stripe_customers&filter=b%40x&column=email")
            .body();
    assertThat(filtered).contains("\"matching\":1", "cus_2").doesNotContain("cus_1");
    assertThat(
            get(browser, "/api/pockets/my-shop/table?name=stripe_customers&sort=nope").statusCode())
        .isEqualTo(400);
  }

  @Test
  void widgetsRunReadOnlyAndShowTheirOwnErrors() throws Exception {
    login();
    WidgetFile.write(
        dir.resolve("home/pockets/my-shop/" + WidgetFile.NAME),
        List.of(
            new dev.paw.dashboard.widget.Widget(
                "Customers",
                dev.paw.dashboard.widget.WidgetKind.NUMBER,
                "SELECT count(*) FROM stripe_customers"),
            new dev.paw.dashboard.widget.Widget(
                "Broken", dev.paw.dashboard.widget.WidgetKind.TABLE, "SELECT nope FROM nowhere"),
            new dev.paw.dashboard.widget.Widget(
                "Endless",
                dev.paw.dashboard.widget.WidgetKind.NUMBER,
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                    + " SELECT count(*) FROM c")),
        true);
    long started = System.nanoTime();
    String board = get(browser, "/api/pockets/my-shop/widgets").body();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(board).contains("\"title\":\"Customers\"", "\"rows\":[[2]]");
    assertThat(board).contains("no such table: nowhere");
    assertThat(board).contains("ran longer than 500 ms");
    assertThat(board).contains("\"title\":\"Newest customers\""); // a default widget
    assertThat(board).contains("refreshedAt");

    Files.writeString(
        dir.resolve("home/pockets/my-shop/" + WidgetFile.NAME),
        "widgets:\n  - title: Pie\n    kind: pie\n    sql: SELECT 1\n");
    String broken = get(browser, "/api/pockets/my-shop/widgets").body();
    assertThat(broken).contains("widgets.yaml:3:11: unknown kind 'pie'");
    assertThat(broken).contains("\"title\":\"stripe_customers\""); // the defaults still show
  }

  @Test
  void theServerRefusesToWriteAndAnswersOnlyGet() throws Exception {
    login();
    HttpResponse<String> post =
        browser.send(
            HttpRequest.newBuilder(url("/api/pockets"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    try (var runner = new dev.paw.dashboard.internal.data.QueryRunner(Duration.ofSeconds(1), 10)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  runner.run(
                      paw.findPocket("my-shop").orElseThrow(),
                      "DELETE FROM stripe_customers RETURNING id"))
          .hasMessageContaining("readonly");
      assertThat(
              runner
                  .run(
                      paw.findPocket("my-shop").orElseThrow(),
                      "SELECT count(*) FROM stripe_customers")
                  .rows())
          .containsExactly(List.of(2L));
    }
  }

  @Test
  void anOpenPageHearsOfACommitByAnyConnectionWithinTwoSeconds() throws Exception {
    login();
    assertThat(dashboard.watchedPockets()).isZero();
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
    HttpResponse<InputStream> events =
        browser.send(
            HttpRequest.newBuilder(url("/api/pockets/my-shop/events")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::offer);
              } catch (Exception ignored) {
                // the test closed the stream
              }
            });
    reader.setDaemon(true);
    reader.start();
    assertThat(lines.poll(5, TimeUnit.SECONDS)).startsWith("retry:");
    assertThat(dashboard.watchedPockets()).isEqualTo(1);
    // no commit, no event
    assertThat(pollFor(lines, "event: change", Duration.ofMillis(800))).isFalse();

    long started = System.nanoTime();
    write(database, "INSERT INTO stripe_customers (id, name) VALUES ('cus_3', 'new')");
    assertThat(pollFor(lines, "event: change", Duration.ofSeconds(2))).isTrue();
    Duration heard = Duration.ofNanos(System.nanoTime() - started);
    System.out.println("DashboardServerTest: commit heard after " + heard.toMillis() + " ms");
    assertThat(heard).isLessThan(Duration.ofSeconds(2));
    events.body().close();
  }

  private static boolean pollFor(BlockingQueue<String> lines, String wanted, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (wanted.equals(line)) {
        return true;
      }
    }
    return false;
  }

  private void login() throws Exception {
    assertThat(get(browser, dashboard.url()).statusCode()).isEqualTo(200);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + dashboard.port() + path);
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return get(client, url(path));
  }

  private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
    HttpClient following =
        client; // java.net.http follows no redirects unless asked: follow the token's one
    HttpResponse<String> response =
        following.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 303) {
      URI next = uri.resolve(response.headers().firstValue("Location").orElseThrow());
      return following.send(
          HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", dashboard.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Writes as another program would: its own connection, committing each statement. */
  static void write(Path database, String... statements) throws Exception {
    assertThat(Files.exists(database)).isTrue();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
