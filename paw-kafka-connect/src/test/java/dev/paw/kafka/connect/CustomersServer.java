package dev.paw.kafka.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Stripe's customer list on 127.0.0.1 as the Stripe connector pages it ({@code starting_after},
 * {@code has_more}, 100 a page): {@code total} customers {@code cus_00000} onwards, answered only
 * with the expected API key, each page after a pause so that a test can stop a run half way. Its
 * events list ({@code /v1/events}, which the connector file follows after the first listing) is
 * empty unless a test deletes a customer.
 */
final class CustomersServer implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  private final int total;
  private final String key;
  private final AtomicInteger pages = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger eventPages = new AtomicInteger();
  private volatile long pauseMs;
  private volatile String deleted;

  CustomersServer(int total, String key, long pauseMs) throws IOException {
    this.total = total;
    this.key = key;
    this.pauseMs = pauseMs;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            return answer(request);
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  /** The base URL to give the connector in place of Stripe's. */
  String baseUrl() {
    return server.url("/v1").toString();
  }

  int pagesServed() {
    return pages.get();
  }

  int refused() {
    return refused.get();
  }

  /** How many pages of events the connector has read. */
  int eventPagesServed() {
    return eventPages.get();
  }

  /** From now on, the events list holds a {@code customer.deleted} event for customer {@code i}. */
  void delete(int i) {
    deleted = id(i);
  }

  void pause(long ms) {
    pauseMs = ms;
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    if (!("Bearer " + key).equals(request.getHeaders().get("Authorization"))) {
      refused.incrementAndGet();
      return new MockResponse.Builder()
          .code(401)
          .body("{\"error\":{\"message\":\"bad key\"}}")
          .build();
    }
    if (request.getUrl().encodedPath().equals("/v1/events")) {
      return events();
    }
    if (!request.getUrl().encodedPath().equals("/v1/customers")) {
      return new MockResponse.Builder().code(404).body("{}").build();
    }
    Thread.sleep(pauseMs);
    String after = request.getUrl().queryParameter("starting_after");
    int from = after == null ? 0 : Integer.parseInt(after.substring("cus_".length())) + 1;
    int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
    int to = Math.min(total, from + limit);
    StringBuilder body = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        body.append(',');
      }
      body.append(
          String.format(
              "{\"id\":\"%s\",\"email\":\"c%d@example.com\",\"name\":\"Customer %d\","
                  + "\"balance\":%d,\"currency\":\"eur\",\"delinquent\":%b,\"created\":%d,"
                  + "\"metadata\":{\"n\":\"%d\"}}",
              id(i), i, i, i * 10, i % 2 == 0, 1_700_000_000L + i, i));
    }
    body.append("],\"has_more\":").append(to < total).append('}');
    pages.incrementAndGet();
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  private MockResponse events() {
    String id = deleted;
    String data =
        id == null
            ? ""
            : String.format(
                "{\"id\":\"evt_del_%s\",\"type\":\"customer.deleted\",\"created\":%d,"
                    + "\"data\":{\"object\":{\"id\":\"%s\",\"deleted\":true}}}",
                id, System.currentTimeMillis() / 1000, id);
    eventPages.incrementAndGet();
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":false}")
        .build();
  }

  static String id(int i) {
    return String.format("cus_%05d", i);
  }

  @Override
  public void close() {
    server.close();
  }
}
