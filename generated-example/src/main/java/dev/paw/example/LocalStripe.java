package dev.paw.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny stand-in for the Stripe API on 127.0.0.1, so the example runs anywhere with nothing to
 * install: customers and invoices as Stripe lists them ({@code starting_after}/{@code has_more}),
 * and invoice creation.
 */
public final class LocalStripe implements AutoCloseable {

  private final HttpServer server;
  private final String key;
  private final List<String> customers = new ArrayList<>();
  private final List<String> invoices = new ArrayList<>();

  private LocalStripe(HttpServer server, String key) {
    this.server = server;
    this.key = key;
  }

  /** Starts on a free loopback port with {@code customerCount} customers. */
  public static LocalStripe start(int customerCount, String key) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LocalStripe stripe = new LocalStripe(server, key);
    for (int i = customerCount; i >= 1; i--) {
      stripe.customers.add(
          String.format(
              "{\"id\":\"cus_%04d\",\"object\":\"customer\",\"email\":\"owner%d@shop.example\","
                  + "\"name\":\"Customer %d\",\"description\":null,\"balance\":%d,\"currency\":\"usd\",\"delinquent\":%s,"
                  + "\"created\":%d,\"metadata\":{\"tier\":\"%s\"}}",
              i,
              i,
              i,
              -100 * (i % 7),
              i % 10 == 0,
              1_700_000_000L + 3600L * i,
              i % 3 == 0 ? "gold" : "standard"));
    }
    server.createContext("/v1/", stripe::handle);
    server.start();
    return stripe;
  }

  /** The API root to connect to, e.g. {@code http://127.0.0.1:54321/v1}. */
  public String apiBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        respond(
            exchange,
            401,
            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key\"}}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
      if (exchange.getRequestMethod().equals("GET") && path.equals("/v1/customers")) {
        respond(exchange, 200, page(customers, query));
      } else if (exchange.getRequestMethod().equals("GET") && path.equals("/v1/invoices")) {
        respond(exchange, 200, page(invoices, query));
      } else if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/invoices")) {
        Map<String, String> body =
            form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (body.get("customer") == null) {
          respond(
              exchange,
              400,
              "{\"error\":{\"type\":\"invalid_request_error\",\"param\":\"customer\"}}");
          return;
        }
        String invoice =
            String.format(
                "{\"id\":\"in_%04d\",\"object\":\"invoice\",\"customer\":\"%s\","
                    + "\"description\":\"%s\",\"status\":\"draft\",\"collection_method\":\"%s\",\"days_until_due\":%s,"
                    + "\"amount_due\":0,\"currency\":\"usd\",\"created\":%d}",
                invoices.size() + 1,
                body.get("customer"),
                body.getOrDefault("description", ""),
                body.get("collection_method"),
                body.get("days_until_due"),
                System.currentTimeMillis() / 1000);
        invoices.add(0, invoice);
        respond(exchange, 200, invoice);
      } else {
        respond(
            exchange,
            404,
            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such path\"}}");
      }
    }
  }

  private static String page(List<String> items, Map<String, String> query) {
    int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
    int start = 0;
    String after = query.get("starting_after");
    if (after != null) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).contains("\"id\":\"" + after + "\"")) {
          start = i + 1;
        }
      }
    }
    int end = Math.min(items.size(), start + limit);
    return "{\"object\":\"list\",\"data\":["
        + String.join(",", items.subList(start, end))
        + "],\"has_more\":"
        + (end < items.size())
        + ",\"url\":\"/v1\"}";
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      values.put(
          name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
