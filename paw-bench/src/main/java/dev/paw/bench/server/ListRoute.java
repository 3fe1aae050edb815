package dev.paw.bench.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * Routes {@code GET /n/{size}/v1/invoices?limit=&starting_after=&created[gte]=} to the page store
 * ({@code /v1/events} answers an empty list), and counts what it served. The list size in the path
 * lets one server hold the 100k and the 1M lists (the first is the second's newest part).
 */
public final class ListRoute {

  private static final String PREFIX = "/n/";
  private static final String SUFFIX = "/v1/invoices";
  private static final String EVENTS = "/v1/events";

  /**
   * Stripe's Events API with nothing new: what a re-sync reads once the invoices have been listed
   * (the built-in connector follows /v1/events after its first full listing).
   */
  private static final byte[] NO_EVENTS =
      "{\"object\":\"list\",\"url\":\"/v1/events\",\"has_more\":false,\"data\":[]}"
          .getBytes(StandardCharsets.UTF_8);

  private final PageStore store;
  private final LongAdder bytes = new LongAdder();
  private final LongAdder requests = new LongAdder();

  public ListRoute(PageStore store) {
    this.store = store;
  }

  /** The response to a request target (path and query), or {@code null} for a 404. */
  public PageStore.Response answer(String target) {
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    if (path.startsWith(PREFIX) && path.endsWith(EVENTS)) {
      requests.increment();
      bytes.add(NO_EVENTS.length);
      return new PageStore.Response(
          new java.nio.ByteBuffer[] {java.nio.ByteBuffer.wrap(NO_EVENTS)}, NO_EVENTS.length, 0);
    }
    if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
      return null;
    }
    int size;
    try {
      size = Integer.parseInt(path.substring(PREFIX.length(), path.length() - SUFFIX.length()));
    } catch (NumberFormatException e) {
      return null;
    }
    int limit = 10;
    String after = null;
    Long gte = null;
    if (question >= 0) {
      for (String pair : target.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        switch (name) {
          case "limit" -> limit = Integer.parseInt(value);
          case "starting_after" -> after = value;
          case "created[gte]" -> gte = Long.parseLong(value);
          default -> {}
        }
      }
    }
    PageStore.Response response = store.list(size, limit, after, gte);
    if (response != null) {
      requests.increment();
      bytes.add(response.length());
    }
    return response;
  }

  /** Response body bytes served since the last reset. */
  public long bytesServed() {
    return bytes.sum();
  }

  public long requestsServed() {
    return requests.sum();
  }

  public void reset() {
    bytes.reset();
    requests.reset();
  }

  /**
   * The API root a client connects to for a list of {@code size}, e.g. {@code
   * http://127.0.0.1:4242/n/1000/v1}.
   */
  public static String apiBase(String origin, int size) {
    return origin + PREFIX + size + "/v1";
  }
}
