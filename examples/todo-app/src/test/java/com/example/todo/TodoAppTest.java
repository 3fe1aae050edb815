package com.example.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.todo.paw.todo.TodoBlockingClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.PawHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application against a local todo server that pages by number and checks the API key. */
class TodoAppTest {

  private static final String KEY = "tk_test_good";
  private static final List<String> TODOS =
      List.of(
          "{\"id\": 1, \"title\": \"Buy milk\", \"done\": false, \"owner\": {\"name\": \"Ann\"},"
              + " \"tags\": [\"home\"]}",
          "{\"id\": 2, \"title\": \"Call Bob\", \"done\": true, \"owner\": {\"name\": \"Ben\"},"
              + " \"tags\": []}",
          "{\"id\": 3, \"title\": \"File taxes\", \"done\": false, \"owner\": {\"name\": \"Ann\"},"
              + " \"tags\": {\"due\": \"april\"}}",
          "{\"id\": 4, \"title\": \"Fix bike\", \"done\": false, \"owner\": {\"name\": \"Cy\"}}",
          "{\"id\": 5, \"title\": \"Read book\", \"done\": true, \"owner\": {\"name\": \"Ben\"}}");

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String baseUrl;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::answer);
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theApplicationPagesCreatesDeletesSyncsAndExitsRightAfterClose(@TempDir Path home)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                TodoApp.class.getName(),
                baseUrl,
                home.toString())
            .redirectErrorStream(true);
    builder.environment().put("TODO_API_KEY", KEY);
    Process app = builder.start();
    List<String> lines = new ArrayList<>();
    long closedAt = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        lines.add(line);
        if (line.equals("closed")) {
          closedAt = System.nanoTime();
        }
      }
    }
    assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the application ended");
    String output = String.join("\n", lines);
    assertEquals(0, app.exitValue(), output);
    assertTrue(closedAt > 0, output);
    long exitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
    assertTrue(exitMillis < 1000, "the JVM exited " + exitMillis + " ms after close()");

    assertTrue(output.contains("connected: credentials accepted: 'list_todos' answered 200"), output);
    assertTrue(output.contains("page 1: 2 todos, more: true"), output);
    assertTrue(
        output.contains("all pages: [Buy milk, Call Bob, File taxes, Fix bike, Read book]"),
        output);
    assertTrue(output.contains("todo 1: Buy milk, done: false"), output);
    assertTrue(output.contains("approved: ") && output.contains("create_todo"), output);
    assertTrue(output.contains("synced: 5 rows"), output);
    assertTrue(output.contains("3 File taxes (Ann) {\"due\":\"april\"}"), output);
    assertTrue(output.contains("4 Fix bike (Cy) null"), output);
    assertTrue(requests.contains("POST /api/todos {\"title\":\"Water the plants\",\"priority\":1}"));
    assertTrue(requests.contains("DELETE /api/todos/2"), requests.toString());
    assertTrue(requests.contains("GET /api/todos?per_page=2&page=3"), requests.toString());
  }

  @Test
  void connectingWithAWrongKeyFailsWithTheServicesReason(@TempDir Path home) {
    try (Paw paw =
        Paw.builder()
            .home(PawHome.at(home))
            .environment(Map.of("TODO_API_KEY", "tk_test_wrong"))
            .build()) {
      TodoBlockingClient todo = new TodoBlockingClient(paw.connector(paw.pocket("Todo Demo"), "todo"));
      ActionFailedException refused =
          assertThrows(ActionFailedException.class, () -> todo.connect(ConnectOptions.baseUrl(baseUrl)));
      assertEquals(401, refused.status());
      assertTrue(refused.getMessage().contains("invalid API key"), refused.getMessage());
      assertTrue(!refused.getMessage().contains("tk_test_wrong"), "the key stays secret");
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(method + " " + path + (query == null ? "" : "?" + query) + (body.isEmpty() ? "" : " " + body));
    if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"error\": \"invalid API key\"}");
    } else if (method.equals("GET") && path.equals("/api/todos")) {
      int page = Integer.parseInt(parameter(query, "page", "1"));
      int size = Integer.parseInt(parameter(query, "per_page", "2"));
      List<String> items = TODOS.subList(Math.min(TODOS.size(), (page - 1) * size), Math.min(TODOS.size(), page * size));
      send(exchange, 200, "{\"page\": " + page + ", \"items\": [" + String.join(",", items) + "]}");
    } else if (method.equals("GET") && path.startsWith("/api/todos/")) {
      send(exchange, 200, TODOS.get(Integer.parseInt(path.substring(11)) - 1));
    } else if (method.equals("POST") && path.equals("/api/todos")) {
      send(exchange, 201, "{\"id\": 6}");
    } else if (method.equals("DELETE")) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    } else {
      send(exchange, 404, "{}");
    }
  }

  private static String parameter(String query, String name, String otherwise) {
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return otherwise;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
