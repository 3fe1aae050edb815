package dev.paw.runtime.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.internal.sync.PageReader;
import dev.paw.runtime.internal.sync.PageReader.Checkpoint;
import dev.paw.runtime.internal.sync.PageReader.Page;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.compile.ConnectorCompiler;
import dev.paw.spec.compile.ConnectorFile;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a stream page by page outside any pocket, from a checkpoint the caller keeps (the Kafka
 * Connect source task's entry point).
 */
class DetachedStreamsTest {

  private static final Path STRIPE =
      Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors/stripe.yaml");

  private static final Path CURSOR_FIXTURE;

  static {
    try {
      CURSOR_FIXTURE =
          Path.of(DetachedStreamsTest.class.getResource("/detached/customers.yaml").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Now, for the change feed's position and retention: 2026-12-01T00:00:00Z. */
  private static final Instant NOW = Instant.ofEpochSecond(1_796_083_200L);

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = HttpClients.newClient();

  @TempDir Path temp;

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private static RegisteredConnector connector(Path file) {
    var compiled = ConnectorCompiler.compile(List.of(ConnectorFile.of(file)));
    assertThat(compiled.errors()).isEmpty();
    return new RegisteredConnector(compiled.specs().get(0), Map.of(), file);
  }

  private DetachedStreams streams(Path file) {
    return streams(file, Clock.systemUTC());
  }

  private DetachedStreams streams(Path file, Clock clock) {
    return new DetachedStreams(
        connector(file),
        Map.of("STRIPE_API_KEY", "sk_test_detached_91"),
        server.url("/v1").toString(),
        client,
        new RuntimeSettings(RuntimeSettings.Retry.none(), Map.of(), clock, d -> {}));
  }

  private static MockResponse page(String data, boolean more) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"data\":[" + data + "],\"has_more\":" + more + "}")
        .build();
  }

  @Test
  void aRunGoesPageByPageAndTheNextRunFiltersFromItsCursor() throws Exception {
    server.enqueue(
        page("{\"id\":\"cus_2\",\"created\":20},{\"id\":\"cus_1\",\"created\":10}", true));
    server.enqueue(page("{\"id\":\"cus_0\",\"created\":5}", false));
    server.enqueue(page("", false));
    try (PageReader<Object[]> reader = streams(CURSOR_FIXTURE).reader("stripe_customers")) {
      Page<Object[]> first = reader.read(Checkpoint.START);
      assertThat(first.rows()).extracting(r -> r[0]).containsExactly("cus_2", "cus_1");
      assertThat(first.endsRun()).isFalse();
      assertThat(first.after().page()).isEqualTo(2);
      RecordedRequest one = server.takeRequest();
      assertThat(one.getHeaders().get("Authorization")).isEqualTo("Bearer sk_test_detached_91");
      assertThat(one.getUrl().queryParameter("created[gte]")).isNull();

      Page<Object[]> second = reader.read(first.after());
      assertThat(second.rows()).extracting(r -> r[0]).containsExactly("cus_0");
      assertThat(second.endsRun()).isTrue();
      assertThat(second.after().cursor()).isEqualTo("20");
      assertThat(server.takeRequest().getUrl().queryParameter("starting_after")).isEqualTo("cus_1");

      Page<Object[]> next = reader.read(second.after());
      assertThat(next.rows()).isEmpty();
      assertThat(server.takeRequest().getUrl().queryParameter("created[gte]")).isEqualTo("20");
    }
  }

  private static String event(String type, String id, long created, String name) {
    return "{\"id\":\"evt_"
        + id
        + created
        + "\",\"type\":\""
        + type
        + "\",\"created\":"
        + created
        + ",\"data\":{\"object\":{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"created\":5}}}";
  }

  @Test
  void aFeedStreamListsInFullFirstThenReadsEventsAsUpsertsAndDeletes() throws Exception {
    long now = NOW.getEpochSecond();
    server.enqueue(
        page("{\"id\":\"cus_2\",\"name\":\"Ann\"},{\"id\":\"cus_1\",\"name\":\"Bo\"}", false));
    // newest first: cus_1's deletion wins over its older update
    server.enqueue(
        page(
            event("customer.deleted", "cus_1", now + 50, "Bo")
                + ","
                + event("customer.updated", "cus_2", now + 40, "Ann B.")
                + ","
                + event("customer.updated", "cus_1", now + 30, "Bob"),
            false));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (PageReader<Object[]> reader = streams(STRIPE, clock).reader("stripe_customers")) {
      Page<Object[]> listing = reader.read(Checkpoint.START);
      assertThat(listing.rows()).extracting(r -> r[0]).containsExactly("cus_2", "cus_1");
      assertThat(listing.deletes()).containsExactly(false, false);
      assertThat(listing.endsRun()).isTrue();
      // the feed continues from when the listing started
      assertThat(listing.after().cursor()).isEqualTo(String.valueOf(now));
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/customers");

      Page<Object[]> changes = reader.read(listing.after());
      RecordedRequest feed = server.takeRequest();
      assertThat(feed.getUrl().encodedPath()).isEqualTo("/v1/events");
      assertThat(feed.getUrl().queryParameter("created[gte]")).isEqualTo(String.valueOf(now - 300));
      assertThat(feed.getUrl().queryParameterValues("types[]")).contains("customer.deleted");
      assertThat(changes.rows()).extracting(r -> r[0]).containsExactly("cus_1", "cus_2");
      assertThat(changes.deletes()).containsExactly(true, false);
      assertThat(changes.rows().get(1)[2]).isEqualTo("Ann B."); // id, email, name, ...
      assertThat(changes.endsRun()).isTrue();
      assertThat(changes.after().cursor()).isEqualTo(String.valueOf(now + 50));
    }
  }

  @Test
  void aFeedPositionOlderThanTheRetentionOrExpiredListsInFullAgain() throws Exception {
    long now = NOW.getEpochSecond();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    server.enqueue(page("{\"id\":\"cus_9\"}", false));
    server.enqueue(new MockResponse.Builder().code(410).body("{\"error\":\"too old\"}").build());
    server.enqueue(page("{\"id\":\"cus_9\"}", false));
    try (PageReader<Object[]> reader = streams(STRIPE, clock).reader("stripe_customers")) {
      long old = now - 31L * 24 * 3600;
      Page<Object[]> stale = reader.read(new Checkpoint(String.valueOf(old), null, null, null, 1));
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/customers");
      assertThat(stale.rows()).extracting(r -> r[0]).containsExactly("cus_9");
      assertThat(stale.after().cursor()).isEqualTo(String.valueOf(now));

      // a recent position the feed answers 410 for: the same page lists everything instead
      Page<Object[]> expired =
          reader.read(new Checkpoint(String.valueOf(now - 60), null, null, null, 1));
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/events");
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/customers");
      assertThat(expired.rows()).extracting(r -> r[0]).containsExactly("cus_9");
      assertThat(expired.after().cursor()).isEqualTo(String.valueOf(now));
    }
  }

  @Test
  void aCheckpointTakenMidRunResumesAtItsPage() throws Exception {
    server.enqueue(page("{\"id\":\"cus_0\",\"created\":5}", false));
    try (PageReader<Object[]> reader = streams(STRIPE).reader("stripe_customers")) {
      Checkpoint mid =
          new Checkpoint(null, null, "7", "{\"param\":\"starting_after\",\"value\":\"cus_1\"}", 4);
      Page<Object[]> page = reader.read(mid);
      assertThat(server.takeRequest().getUrl().queryParameter("starting_after")).isEqualTo("cus_1");
      assertThat(page.after().cursor()).isEqualTo("7");
    }
  }

  @Test
  void onlyAutoActionsMayFeedAStream() throws Exception {
    Path file = temp.resolve("stripe.yaml");
    Files.writeString(
        file,
        Files.readString(STRIPE)
            .replaceFirst("(?s)(- name: list_customers.*?trust_level: )auto", "$1restricted"));
    DetachedStreams streams = streams(file);
    assertThat(DetachedStreams.refusal(connector(file).spec(), "stripe_customers"))
        .hasValueSatisfying(r -> assertThat(r).contains("whose trust level is restricted"));
    assertThatThrownBy(() -> streams.reader("stripe_customers"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DetachedStreams.refusal(connector(file).spec(), "stripe_invoices")).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anErrorAnswerIsMaskedOfTheKey() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body("{\"error\":\"bad key sk_test_detached_91\"}")
            .build());
    DetachedStreams streams = streams(STRIPE);
    try (PageReader<Object[]> reader = streams.reader("stripe_customers")) {
      assertThatThrownBy(() -> reader.read(Checkpoint.START))
          .satisfies(
              e ->
                  assertThat(streams.redact(e.getMessage())).doesNotContain("sk_test_detached_91"));
    }
  }
}
