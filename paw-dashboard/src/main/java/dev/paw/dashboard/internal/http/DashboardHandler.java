package dev.paw.dashboard.internal.http;

import dev.paw.dashboard.internal.data.ChangeWatcher;
import dev.paw.dashboard.internal.data.PocketStatus;
import dev.paw.dashboard.internal.data.QueryRunner;
import dev.paw.dashboard.internal.data.TableBrowser;
import dev.paw.dashboard.internal.data.WidgetBoard;
import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Every request: the gate first, then a read-only route. A pocket's data is reached only through
 * that pocket's own paths.
 */
public final class DashboardHandler extends Handler.Abstract {

  private final Paw paw;
  private final Gate gate;
  private final Assets assets = new Assets();
  private final WidgetBoard board;
  private final TableBrowser browser;
  private final EventStream events;
  private final Map<String, Pocket> known = new java.util.concurrent.ConcurrentHashMap<>();

  public DashboardHandler(
      Paw paw,
      String token,
      int port,
      QueryRunner runner,
      ChangeWatcher watcher,
      BooleanSupplier running) {
    this.paw = paw;
    this.gate = new Gate(token, port);
    this.board = new WidgetBoard(runner, Clock.systemUTC());
    this.browser = new TableBrowser(runner);
    this.events = new EventStream(watcher, running);
  }

  /** A new random token for a server's URL. */
  public static String newToken() {
    return Gate.newToken();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    Fields query = Request.extractQueryParameters(request);
    switch (gate.check(request, query.getValue(Gate.PARAMETER))) {
      case WRONG_HOST -> {
        Replies.text(response, callback, 403, "paw serve: wrong Host header");
        return true;
      }
      case NO_TOKEN -> {
        Replies.text(response, callback, 401, "paw serve: open the URL that 'paw serve' printed");
        return true;
      }
      case WRONG_TOKEN -> {
        Replies.text(response, callback, 403, "paw serve: wrong token");
        return true;
      }
      case MOVE_TO_COOKIE -> {
        Replies.secure(response);
        Response.addCookie(response, gate.cookie());
        Response.sendRedirect(request, response, callback, 303, path, true);
        return true;
      }
      case ALLOWED -> {}
    }
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      Replies.text(response, callback, 405, "paw serve is read-only");
      return true;
    }
    try {
      route(path, query, response, callback);
    } catch (IllegalArgumentException e) {
      Replies.json(response, callback, 400, Map.of("error", e.getMessage()));
    } catch (SQLException e) {
      Replies.json(response, callback, 500, Map.of("error", "database: " + e.getMessage()));
    }
    return true;
  }

  private void route(String path, Fields query, Response response, Callback callback)
      throws Exception {
    if (path.equals("/") || path.matches("/pockets/[^/]+")) {
      page(response, callback, "index.html");
    } else if (path.startsWith("/static/")) {
      page(response, callback, path.substring("/static/".length()));
    } else if (path.equals("/favicon.ico")) {
      Replies.bytes(response, callback, 204, "image/x-icon", new byte[0]);
    } else if (path.equals("/api/pockets")) {
      List<Map<String, Object>> pockets = new ArrayList<>();
      for (Pocket pocket : paw.pockets()) {
        known.putIfAbsent(pocket.slug(), pocket);
        pockets.add(summary(known.get(pocket.slug())));
      }
      Replies.json(response, callback, 200, pockets);
    } else if (path.startsWith("/api/pockets/")) {
      pocketRoute(path.substring("/api/pockets/".length()), query, response, callback);
    } else {
      Replies.text(response, callback, 404, "paw serve: no page " + path);
    }
  }

  private void pocketRoute(String rest, Fields query, Response response, Callback callback)
      throws Exception {
    String[] parts = rest.split("/", 2);
    Optional<Pocket> found = pocket(parts[0]);
    if (found.isEmpty()) {
      Replies.json(response, callback, 404, Map.of("error", "no pocket '" + parts[0] + "'"));
      return;
    }
    Pocket pocket = found.get();
    String what = parts.length == 1 ? "" : parts[1];
    switch (what) {
      case "" -> Replies.json(response, callback, 200, summary(pocket));
      case "widgets" -> Replies.json(response, callback, 200, board.run(pocket, directory(pocket)));
      case "table" -> {
        try (Connection connection = QueryRunner.open(pocket)) {
          Replies.json(response, callback, 200, browser.page(connection, pageRequest(query)));
        }
      }
      case "events" -> events.serve(pocket, response, callback);
      default -> Replies.text(response, callback, 404, "paw serve: no page " + what);
    }
  }

  private static TableBrowser.PageRequest pageRequest(Fields query) {
    String table = query.getValue("name");
    if (table == null) {
      throw new IllegalArgumentException("name the table: ?name=TABLE");
    }
    return new TableBrowser.PageRequest(
        table,
        number(query.getValue("page"), 0),
        number(query.getValue("size"), 50),
        query.getValue("sort"),
        "desc".equals(query.getValue("dir")),
        query.getValue("filter"),
        query.getValue("column"));
  }

  private static int number(String text, int otherwise) {
    try {
      return text == null ? otherwise : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + text);
    }
  }

  /** A pocket by its slug, among the pockets there are (a request never makes one). */
  private Optional<Pocket> pocket(String slug) {
    Pocket pocket = known.get(slug);
    if (pocket == null) {
      paw.pockets().forEach(p -> known.put(p.slug(), p)); // opened once, not on every request
      pocket = known.get(slug);
    }
    return Optional.ofNullable(pocket);
  }

  private Path directory(Pocket pocket) {
    return paw.home().pocketsDirectory().resolve(pocket.slug());
  }

  private Map<String, Object> summary(Pocket pocket) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", pocket.name());
    out.put("slug", pocket.slug());
    try (Connection connection = QueryRunner.open(pocket)) {
      out.putAll(PocketStatus.summary(connection));
    }
    return out;
  }

  private void page(Response response, Callback callback, String name) {
    String type = assets.type(name);
    if (type == null) {
      Replies.text(response, callback, 404, "paw serve: no file " + name);
      return;
    }
    Replies.bytes(response, callback, 200, type, assets.read(name));
  }
}
