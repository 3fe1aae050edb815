package dev.paw.kafka.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.internal.adapter.DetachedStreams;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.internal.sync.PageReader.Checkpoint;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.ConnectorSpec;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream with a change feed on Connect: the first run lists every customer, the next one reads
 * Stripe's events, where an update is a keyed record with the new values and a deletion is a
 * tombstone (the key, no value), and the offset moves to the newest event.
 */
class StreamTombstonesTest {

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = HttpClients.newClient();
  private final long created = System.currentTimeMillis() / 1000 + 10;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String data =
                switch (path) {
                  case "/v1/customers" ->
                      "{\"id\":\"cus_1\",\"name\":\"Ada\"},{\"id\":\"cus_2\",\"name\":\"Bo\"}";
                  case "/v1/events" ->
                      event("customer.deleted", "cus_2", created + 1, "Bo")
                          + ","
                          + event("customer.updated", "cus_1", created, "Ada L.");
                  default -> null;
                };
            if (data == null) {
              return new MockResponse.Builder().code(404).body("{}").build();
            }
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"data\":[" + data + "],\"has_more\":false}")
                .build();
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private static String event(String type, String id, long at, String name) {
    return String.format(
        "{\"id\":\"evt_%s_%d\",\"type\":\"%s\",\"created\":%d,"
            + "\"data\":{\"object\":{\"id\":\"%s\",\"name\":\"%s\"}}}",
        id, at, type, at, id, name);
  }

  @Test
  void anUpdateIsAKeyedRecordAndADeletionATombstone() throws Exception {
    ConnectorSpec spec = Stripe.spec();
    DetachedStreams streams =
        new DetachedStreams(
            new RegisteredConnector(spec, Map.of(), Stripe.FILE),
            Map.of("STRIPE_API_KEY", "sk_test_tomb_5"),
            server.url("/v1").toString(),
            client,
            new RuntimeSettings(
                RuntimeSettings.Retry.none(), Map.of(), java.time.Clock.systemUTC(), d -> {}));
    try (TaskStream stream =
        new TaskStream(
            "stripe",
            "stripe_customers",
            streams.reader("stripe_customers"),
            new StreamSchema(spec, spec.stream("stripe_customers").orElseThrow()),
            "paw.stripe_customers",
            60_000,
            Checkpoint.START,
            0)) {
      List<SourceRecord> listing = stream.nextPage(1_000);
      assertThat(listing)
          .extracting(r -> ((Struct) r.key()).getString("id"))
          .containsExactly("cus_1", "cus_2");
      assertThat(listing).allSatisfy(r -> assertThat(r.value()).isNotNull());
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/customers");

      List<SourceRecord> changes = stream.nextPage(70_000);
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/events");
      assertThat(changes).hasSize(2);
      SourceRecord tombstone = changes.get(0);
      assertThat(((Struct) tombstone.key()).getString("id")).isEqualTo("cus_2");
      assertThat(tombstone.keySchema()).isNotNull();
      assertThat(tombstone.value()).isNull();
      assertThat(tombstone.valueSchema()).isNull();
      SourceRecord update = changes.get(1);
      assertThat(((Struct) update.value()).getString("name")).isEqualTo("Ada L.");
      // the offset now holds the feed's position: the newest event's time
      assertThat(update.sourceOffset().get("cursor")).isEqualTo(String.valueOf(created + 1));
    }
  }
}
