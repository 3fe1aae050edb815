package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets through every built-in connector (stripe, rest_generic, csv), at the command line
 * and through the runtime API: connect, first sync, sync again, actions at each trust level,
 * failures where the server echoes the key back in its error body, status, audit, a --debug stack
 * trace. Then every place a secret could end up is searched for each canary, in clear, URL-encoded
 * and base64 (at every alignment): every file under $PAW_HOME (pocket.db with its WAL and SHM kept
 * open, the credential files, the key salt, lock files), the audit trail, the log records at every
 * level (System.Logger goes to java.util.logging), exception messages and stack traces, and
 * everything the CLI printed. 0 hits.
 */
class SecretLeakTest {

  /**
   * Printable ASCII with characters that URL-encoding changes, so each form is a different string.
   */
  private static final Map<String, String> CANARIES = new LinkedHashMap<>();

  static {
    CANARIES.put("STRIPE_API_KEY", "sk_test_CANARYst+r/ipe=9Zq~x");
    CANARIES.put("API_TOKEN", "tok_CANARY+rest/gen=7Xw~y");
    CANARIES.put("PAW_MASTER_KEY", "master CANARY passphrase/4471+z");
    CANARIES.put("PAW_ADMIN_SECRET", "admin CANARY secret/8812+w");
    CANARIES.put("password field", "pw_CANARY_field+5555/v");
  }

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  @TempDir Path files;

  private final StringBuilder printed = new StringBuilder();
  private final List<String> logged = new ArrayList<>();
  private final List<String> exceptions = new ArrayList<>();
  private final List<Connection> holders = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (logged) {
            logged.add(
                record.getLoggerName()
                    + " "
                    + record.getLevel()
                    + " "
                    + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + stackTrace(record.getThrown())));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level rootLevel;

  @BeforeEach
  void captureEveryLogRecord() {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
    server.setDispatcher(new EchoingApi());
  }

  @AfterEach
  void restoreLogging() throws Exception {
    Logger root = Logger.getLogger("");
    root.removeHandler(capture);
    root.setLevel(rootLevel);
    for (Connection holder : holders) {
      holder.close();
    }
  }

  private Map<String, String> env() {
    return Map.of(
        "PAW_MASTER_KEY",
        CANARIES.get("PAW_MASTER_KEY"),
        "PAW_ADMIN_SECRET",
        CANARIES.get("PAW_ADMIN_SECRET"));
  }

  private int paw(ScriptedTerminal terminal, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int exit = PawCli.run(all, terminal, env());
    printed
        .append("$ paw ")
        .append(args[0])
        .append('\n')
        .append(terminal.printed())
        .append(terminal.errors());
    return exit;
  }

  private int paw(String... args) {
    return paw(new ScriptedTerminal(false), args);
  }

  /**
   * Keeps a connection open on the pocket's database, so its WAL and SHM files stay to be searched.
   */
  private void holdOpen(String slug) throws Exception {
    Connection holder =
        DriverManager.getConnection(
            "jdbc:sqlite:" + home.resolve("pockets/" + slug + "/pocket.db"));
    try (Statement s = holder.createStatement()) {
      s.execute("SELECT count(*) FROM sqlite_master");
    }
    holders.add(holder);
  }

  @Test
  void noCanaryEndsUpAnywhereInAnyForm() throws Exception {
    String admin = CANARIES.get("PAW_ADMIN_SECRET");
    String stripeKey = CANARIES.get("STRIPE_API_KEY");
    String token = CANARIES.get("API_TOKEN");

    // the command line: every built-in connector, each trust level, failures that echo the key
    assertThat(
            paw(
                new ScriptedTerminal(true, admin, admin),
                "admin",
                "set-secret",
                "--pocket",
                "Shop"))
        .isZero();
    holdOpen("shop");
    assertThat(
            paw(
                "connect",
                "stripe",
                "--pocket",
                "Shop",
                "--credential",
                "STRIPE_API_KEY=" + stripeKey,
                "--base-url",
                server.url("/v1").toString()))
        .isZero();
    assertThat(paw("sync", "stripe", "--pocket", "Shop")).isZero();
    assertThat(paw("run", "stripe", "get_invoice", "--pocket", "Shop", "-p", "invoice=in_1"))
        .isZero();
    assertThat(
            paw(
                "run",
                "stripe",
                "create_invoice",
                "--pocket",
                "Shop",
                "-p",
                "customer=cus_1",
                "--yes"))
        .isZero();
    assertThat(paw("run", "stripe", "create_refund", "--pocket", "Shop", "-p", "charge=ch_1"))
        .isZero();
    assertThat(paw("run", "stripe", "get_charge", "--pocket", "Shop", "-p", "charge=ch_echo"))
        .isEqualTo(1);
    assertThat(
            paw(
                "--debug",
                "run",
                "stripe",
                "get_charge",
                "--pocket",
                "Shop",
                "-p",
                "charge=ch_echo"))
        .isEqualTo(1);
    EchoingApi.failSyncs = true;
    assertThat(paw("sync", "stripe", "--pocket", "Shop", "--table", "stripe_customers"))
        .isEqualTo(1);
    EchoingApi.failSyncs = false;

    assertThat(
            paw(
                "connect",
                "rest_generic",
                "--pocket",
                "Shop",
                "--credential",
                "BASE_URL=" + server.url("/api").toString(),
                "--credential",
                "API_TOKEN=" + token))
        .isZero();
    assertThat(paw("run", "rest_generic", "get_endpoint", "--pocket", "Shop", "-p", "path=items"))
        .isZero();
    assertThat(
            paw(
                "run",
                "rest_generic",
                "post_endpoint",
                "--pocket",
                "Shop",
                "-p",
                "path=items",
                "-p",
                "data={\"password\":\"" + CANARIES.get("password field") + "\",\"name\":\"x\"}",
                "--yes"))
        .isZero();
    assertThat(
            paw("run", "rest_generic", "delete_endpoint", "--pocket", "Shop", "-p", "path=items/1"))
        .isZero();
    assertThat(
            paw(
                "--debug",
                "run",
                "rest_generic",
                "get_endpoint",
                "--pocket",
                "Shop",
                "-p",
                "path=boom"))
        .isEqualTo(1);

    Path sales = Files.writeString(files.resolve("sales.csv"), "id,amount\n1,2.50\n");
    assertThat(paw("run", "csv", "import_file", "--pocket", "Shop", "-p", "file_path=" + sales))
        .isZero();
    assertThat(
            paw(
                "run",
                "csv",
                "query_table",
                "--pocket",
                "Shop",
                "-p",
                "query=SELECT * FROM _paw_audit"))
        .isZero();
    assertThat(paw("connectors", "status", "--json")).isZero();
    assertThat(paw("audit", "--pocket", "Shop", "--json")).isZero();
    assertThat(paw("audit", "--pocket", "Shop", "--verify")).isZero();

    // the runtime API: the same connectors, exceptions and results kept for the search
    try (Paw paw = Paw.builder().home(PawHome.at(home)).environment(env()).build()) {
      Pocket pocket = paw.pocket("Shop");
      ConnectorProtocol stripe = paw.connector(pocket, "stripe");
      remember(
          () ->
              stripe
                  .execute("get_charge", Map.of("charge", "ch_echo"))
                  .toCompletableFuture()
                  .join());
      EchoingApi.failSyncs = true;
      // a failed sync is thrown: its error is the SyncFailedException's message
      SyncResult failed =
          ((SyncFailedException)
                  catchThrowable(() -> stripe.sync("stripe_charges").toCompletableFuture().join())
                      .getCause())
              .result();
      EchoingApi.failSyncs = false;
      assertThat(failed.error())
          .as("the sync failed on the echoing server")
          .contains("answered 401");
      exceptions.add(failed.error());
      ConnectorProtocol rest = paw.connector(pocket, "rest_generic");
      remember(
          () -> rest.execute("get_endpoint", Map.of("path", "boom")).toCompletableFuture().join());
      remember(
          () ->
              rest.execute("delete_endpoint", Map.of("path", "items/1"))
                  .toCompletableFuture()
                  .join());
      exceptions.add(paw.credentials(pocket, "stripe").toString());
    }
    assertThat(server.getRequestCount()).as("the scenario reached the server").isGreaterThan(10);
    assertThat(exceptions).as("failures were collected").hasSizeGreaterThanOrEqualTo(4);

    List<String> hits = new ArrayList<>();
    try (Stream<Path> all = Files.walk(home)) {
      List<Path> found = all.filter(Files::isRegularFile).toList();
      assertThat(found)
          .as("the WAL is there to search")
          .anyMatch(f -> f.toString().endsWith("pocket.db-wal"));
      for (Path file : found) {
        search(
            "file " + home.relativize(file),
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
            hits);
        search(
            "file " + home.relativize(file) + " (UTF-8)",
            Files.readString(file, StandardCharsets.ISO_8859_1)
                .transform(
                    text ->
                        new String(
                            text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)),
            hits);
      }
    }
    search("CLI output", printed.toString(), hits);
    synchronized (logged) {
      assertThat(logged).as("log records were captured").isNotEmpty();
      search("log records", String.join("\n", logged), hits);
    }
    search("exceptions", String.join("\n", exceptions), hits);

    assertThat(hits).as("places a canary was found").isEmpty();
  }

  private void remember(Runnable failing) {
    try {
      failing.run();
      exceptions.add("(no failure)");
    } catch (RuntimeException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      exceptions.add(cause.toString());
      exceptions.add(stackTrace(cause));
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /**
   * Adds to {@code hits} where each canary appears in {@code text}, in any of its forms; never the
   * canary itself.
   */
  private static void search(String where, String text, List<String> hits) {
    for (Map.Entry<String, String> canary : CANARIES.entrySet()) {
      for (Map.Entry<String, String> form : forms(canary.getValue()).entrySet()) {
        int at = text.indexOf(form.getValue());
        if (at >= 0) {
          String around =
              masked(
                  text.substring(
                      Math.max(0, at - 160),
                      Math.min(text.length(), at + form.getValue().length() + 40)));
          hits.add(
              canary.getKey()
                  + " ("
                  + form.getKey()
                  + ") in "
                  + where
                  + " at offset "
                  + at
                  + ": ..."
                  + around);
        }
      }
    }
  }

  /**
   * {@code text} with every form of every canary replaced by its name, so a report never shows a
   * secret.
   */
  private static String masked(String text) {
    String shown = text;
    for (Map.Entry<String, String> canary : CANARIES.entrySet()) {
      for (String form : forms(canary.getValue()).values()) {
        shown = shown.replace(form, "<" + canary.getKey() + ">");
      }
      // a fragment cut at the edge of the excerpt
      shown = shown.replace(canary.getValue().substring(0, 10), "<" + canary.getKey() + "...>");
    }
    return shown.replaceAll("[^\\x20-\\x7e]", ".");
  }

  /**
   * The canary as it could appear: clear, URL-encoded both ways, and base64 (standard and URL-safe)
   * at 3 offsets.
   */
  static Map<String, String> forms(String canary) {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("clear", canary);
    forms.put("URL-encoded", URLEncoder.encode(canary, StandardCharsets.UTF_8));
    forms.put(
        "URL-encoded, %20", URLEncoder.encode(canary, StandardCharsets.UTF_8).replace("+", "%20"));
    byte[] bytes = canary.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      int first = (offset + 2) / 3 * 4; // the first character that encodes canary bytes only
      int last = (offset + bytes.length) / 3 * 4;
      forms.put(
          "base64+" + offset, Base64.getEncoder().encodeToString(shifted).substring(first, last));
      forms.put(
          "base64url+" + offset,
          Base64.getUrlEncoder().encodeToString(shifted).substring(first, last));
    }
    return forms;
  }

  /**
   * A Stripe- and REST-shaped API that answers ordinary calls and echoes the credential back in its
   * errors.
   */
  static final class EchoingApi extends Dispatcher {
    static volatile boolean failSyncs;

    @Override
    public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      String auth = String.valueOf(request.getHeaders().get("Authorization"));
      String echo =
          "{\"error\":{\"message\":\"Invalid API Key provided: "
              + auth.replace("\"", "")
              + "\",\"url\":\""
              + request.getUrl()
              + "?key="
              + URLEncoder.encode(auth, StandardCharsets.UTF_8)
              + "\"}}";
      if (path.endsWith("/ch_echo")
          || (failSyncs && request.getMethod().equals("GET") && !path.contains("/api/"))) {
        return json(401, echo);
      }
      if (path.startsWith("/api/boom")) {
        return json(500, echo);
      }
      if (path.matches("/v1/(invoices|customers|charges|events)")) {
        String prefix = path.substring(4, 6);
        return json(
            200,
            "{\"object\":\"list\",\"has_more\":false,\"data\":[{\"id\":\""
                + prefix
                + "_1\","
                + "\"created\":1700000000,\"amount\":500,\"email\":\"a@example.com\"}]}");
      }
      return json(200, "{\"id\":\"x_1\",\"status\":\"ok\"}");
    }

    private static MockResponse json(int code, String body) {
      return new MockResponse.Builder()
          .code(code)
          .addHeader("Content-Type", "application/json")
          .body(body)
          .build();
    }
  }
}
