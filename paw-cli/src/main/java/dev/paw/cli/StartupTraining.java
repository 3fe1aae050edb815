package dev.paw.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The run the {@code paw} launcher records its start-up cache from (on JDK 25+ an AOT cache:
 * classes loaded and linked, and method profiles; before it a class-data archive): the demo's file
 * import, then a sync of Stripe-shaped invoices from a server on 127.0.0.1, so the classes and
 * profiles of both paths are ready when a user's command starts. Trained on the demo alone, a sync
 * loaded 1,300 classes from the jar and compiled its hot code from scratch (docs/performance.md).
 *
 * <p>It also copies sqlite-jdbc's native library for this machine into a folder, which the launcher
 * names with {@code org.sqlite.lib.path}: otherwise every command extracts it to a temporary file
 * again (and runs {@code uname} to find out whether it is on Android).
 *
 * <p>Usage: {@code java -cp paw.jar dev.paw.cli.StartupTraining SCRATCH_HOME [NATIVE_FOLDER]}.
 */
final class StartupTraining {

  static final int INVOICES = 5_000;
  private static final int PAGE = 100;
  private static final String STARTING_AFTER = "starting_after=";

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    System.exit(
        train(Path.of(args[0]), args.length > 1 ? Path.of(args[1]) : null, Terminal.system()));
  }

  /**
   * Runs the training in {@code home}, printing to {@code terminal}; copies the native library into
   * {@code nativeFolder} unless it is null. Returns 0 when every command succeeded.
   */
  static int train(Path home, Path nativeFolder, Terminal terminal) throws IOException {
    Map<String, String> environment = Map.of("STRIPE_API_KEY", "sk_test_startup_training");
    int failed = paw(terminal, environment, home, "demo");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/invoices", StartupTraining::invoices);
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      failed |=
          paw(
              terminal,
              environment,
              home,
              "connect stripe --pocket Training --no-sync --base-url " + url);
      failed |=
          paw(terminal, environment, home, "sync stripe --pocket Training --table stripe_invoices");
    } finally {
      server.stop(0);
    }
    if (nativeFolder != null) {
      copySqliteLibrary(nativeFolder);
    }
    return failed == 0 ? 0 : 1;
  }

  /** Runs {@code paw --home HOME COMMAND} in this JVM; the command's words are split at spaces. */
  private static int paw(
      Terminal terminal, Map<String, String> environment, Path home, String command) {
    List<String> args = new ArrayList<>(List.of("--home", home.toString()));
    args.addAll(List.of(command.split(" ")));
    return PawCli.run(args.toArray(String[]::new), terminal, environment);
  }

  /** {@code GET /v1/invoices?limit=&starting_after=}: newest first, as Stripe lists them. */
  private static void invoices(HttpExchange exchange) throws IOException {
    int after = -1;
    String query = exchange.getRequestURI().getRawQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith(STARTING_AFTER)) {
        String id =
            URLDecoder.decode(pair.substring(STARTING_AFTER.length()), StandardCharsets.UTF_8);
        after = Integer.parseInt(id.substring(id.lastIndexOf('_') + 1));
      }
    }
    int first = after + 1;
    int end = Math.min(INVOICES, first + PAGE);
    StringBuilder body = new StringBuilder(PAGE * 900).append("{\"object\":\"list\",\"data\":[");
    for (int i = first; i < end; i++) {
      body.append(i == first ? "" : ",").append(invoice(i));
    }
    body.append("],\"has_more\":").append(end < INVOICES).append(",\"url\":\"/v1/invoices\"}");
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** An invoice with the fields the connector maps and nested ones it skips, as Stripe's have. */
  private static String invoice(int i) {
    long created = 1_700_000_000L - i * 60L;
    long amount = 1_000 + i * 37L % 90_000;
    boolean paid = i % 3 != 0;
    return "{\"id\":\"in_training_"
        + i
        + "\",\"object\":\"invoice\",\"customer\":\"cus_training_"
        + i % 50
        + "\",\"number\":\"TRAIN-"
        + i
        + "\",\"status\":\""
        + (paid ? "paid" : "open")
        + "\",\"currency\":\"usd\",\"amount_due\":"
        + amount
        + ",\"amount_paid\":"
        + (paid ? amount : 0)
        + ",\"amount_remaining\":"
        + (paid ? 0 : amount)
        + ",\"due_date\":"
        + (paid ? "null" : String.valueOf(created + 2_592_000))
        + ",\"created\":"
        + created
        + ",\"hosted_invoice_url\":\"https://invoice.example/i/"
        + i
        + "\",\"customer_address\":{\"city\":\"Springfield\",\"line2\":null},"
        + "\"description\":\"Plan \\u2014 monthly\",\"discounts\":[],\"lines\":{\"object\":\"list\","
        + "\"data\":[{\"id\":\"il_"
        + i
        + "\",\"amount\":"
        + amount
        + ",\"period\":{\"end\":"
        + (created + 2_592_000)
        + ",\"start\":"
        + created
        + "}}],\"has_more\":false},\"livemode\":false,\"metadata\":{\"order\":\""
        + i
        + "\"}}";
  }

  /** Copies the native library sqlite-jdbc would extract on this machine into {@code folder}. */
  private static void copySqliteLibrary(Path folder) throws IOException {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream library = StartupTraining.class.getResourceAsStream(resource)) {
      if (library == null) {
        return; // sqlite-jdbc has none for this machine: it will say so when it loads
      }
      Files.createDirectories(folder);
      Path partial = folder.resolve(LibraryLoaderUtil.getNativeLibName() + ".tmp");
      Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          partial,
          folder.resolve(LibraryLoaderUtil.getNativeLibName()),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
