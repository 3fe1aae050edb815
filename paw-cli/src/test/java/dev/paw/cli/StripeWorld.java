package dev.paw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A Stripe-shaped server with state: invoices, customers and charges that change between syncs, and
 * the Events API that records each change as Stripe does (newest first, {@code types[]}, {@code
 * created[gte]}, {@code starting_after} paging). A change can also be made silently, with no event,
 * as a change older than the events' retention looks.
 */
final class StripeWorld extends Dispatcher {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, TreeMap<String, ObjectNode>> objects = new LinkedHashMap<>();
  private final List<ObjectNode> events = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();
  private long sequence;

  StripeWorld() {
    for (String kind : List.of("invoice", "customer", "charge")) {
      objects.put(kind, new TreeMap<>());
    }
  }

  /** Every path requested so far, with its query. */
  synchronized List<String> requests() {
    return List.copyOf(paths);
  }

  synchronized void clearRequests() {
    paths.clear();
  }

  /** The objects of one kind as the server holds them now. */
  synchronized Map<String, ObjectNode> all(String kind) {
    return new TreeMap<>(objects.get(kind));
  }

  synchronized ObjectNode add(String kind, String id, Consumer<ObjectNode> fields) {
    ObjectNode object = JSON.createObjectNode();
    object.put("id", id).put("object", kind).put("created", now() - 1000 + sequence++);
    fields.accept(object);
    objects.get(kind).put(id, object);
    event(kind + ".created", object);
    return object;
  }

  synchronized void update(String kind, String id, String type, Consumer<ObjectNode> change) {
    ObjectNode object = objects.get(kind).get(id);
    change.accept(object);
    event(type, object);
  }

  synchronized void delete(String kind, String id) {
    ObjectNode object = objects.get(kind).remove(id);
    event(kind + ".deleted", object);
  }

  /**
   * A deletion whose events are gone, with the object's older ones, as happens to changes older
   * than the events' retention.
   */
  synchronized void deleteSilently(String kind, String id) {
    objects.get(kind).remove(id);
    events.removeIf(e -> e.get("data").get("object").get("id").asText().equals(id));
  }

  private void event(String type, ObjectNode object) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", String.format("evt_%06d", sequence++)).put("object", "event");
    event.put("type", type).put("created", now());
    event.putObject("data").set("object", object.deepCopy());
    events.add(event);
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    paths.add(url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery()));
    String path = url.encodedPath();
    List<ObjectNode> listed;
    switch (path) {
      case "/v1/invoices" -> listed = newestFirst(objects.get("invoice").values());
      case "/v1/customers" -> listed = newestFirst(objects.get("customer").values());
      case "/v1/charges" -> listed = newestFirst(objects.get("charge").values());
      case "/v1/events" -> listed = events(url);
      default -> {
        return new MockResponse.Builder()
            .code(404)
            .body("{\"error\":{\"type\":\"invalid\"}}")
            .build();
      }
    }
    return page(listed, url);
  }

  private static List<ObjectNode> newestFirst(java.util.Collection<ObjectNode> all) {
    List<ObjectNode> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparingLong((ObjectNode o) -> o.get("created").asLong())
            .thenComparing(o -> o.get("id").asText())
            .reversed());
    return sorted;
  }

  private List<ObjectNode> events(HttpUrl url) {
    List<String> types = url.queryParameterValues("types[]");
    String gte = url.queryParameter("created[gte]");
    List<ObjectNode> out = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      ObjectNode event = events.get(i);
      if (!types.isEmpty() && !types.contains(event.get("type").asText())) {
        continue;
      }
      if (gte != null && event.get("created").asLong() < Long.parseLong(gte)) {
        continue;
      }
      out.add(event);
    }
    return out;
  }

  private static MockResponse page(List<ObjectNode> listed, HttpUrl url) {
    int limit =
        Integer.parseInt(url.queryParameter("limit") == null ? "10" : url.queryParameter("limit"));
    String after = url.queryParameter("starting_after");
    int from = 0;
    if (after != null) {
      for (int i = 0; i < listed.size(); i++) {
        if (listed.get(i).get("id").asText().equals(after)) {
          from = i + 1;
        }
      }
    }
    ObjectNode body = JSON.createObjectNode().put("object", "list");
    ArrayNode data = body.putArray("data");
    listed.subList(from, Math.min(listed.size(), from + limit)).forEach(data::add);
    body.put("has_more", from + limit < listed.size());
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }
}
