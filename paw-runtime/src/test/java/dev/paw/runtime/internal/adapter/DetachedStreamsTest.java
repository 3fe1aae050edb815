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
    return new DetachedStreams(
        connector(file),
        Map.of("STRIPE_API_KEY", "sk_test_detached_91"),
        server.url("/v1").toString(),
        client,
        new RuntimeSettings(
            RuntimeSettings.Retry.none(), Map.of(), java.time.Clock.systemUTC(), d -> {}));
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
    try (PageReader<Object[]> reader = streams(STRIPE).reader("stripe_customers")) {
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
