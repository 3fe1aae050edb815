package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector file's {@code rate_limit} holds a connection's requests to its rate, measured where
 * they arrive: at a real local server that notes when each request came. The budget is one for the
 * connection in the process, whoever sends: two callers at once, a sync and an action, two
 * runtimes. Waiting requests are delayed, never refused. The bounds are loose (a slow machine only
 * makes the spans longer), and each is one that the same calls without the limit, or with a budget
 * per caller, would miss by far.
 */
class ConnectorRateLimitTest {

  /** 3 requests a second for the connection; {@code search} 1 a second on top. */
  private static final String CONNECTOR =
      """
      name: limited
      base_url: https://api.limited.example/v1
      rate_limit: { requests: 3, per: 1s }
      actions:
        - name: ping
          url: /ping
          trust_level: auto
        - name: search
          url: /search
          trust_level: auto
          rate_limit: { requests: 1, per: 1s }
        - name: list_items
          url: /items
          trust_level: auto
          params:
            limit: { type: integer, default: 2 }
          pagination: { style: page, param: page, size_param: limit }
      sync:
        table: limited_items
        source: list_items
        mapping:
          id: id
      """;

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  /** When each request arrived (System.nanoTime), by path. */
  private final List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());

  private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
  private final List<Paw> runtimes = new ArrayList<>();
  private Path connectors;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            arrivals.add(new long[] {System.nanoTime()});
            paths.add(request.getUrl().encodedPath());
            String body = "{\"data\":[]}";
            if (request.getUrl().encodedPath().endsWith("/items")) {
              int page = Integer.parseInt(request.getUrl().queryParameter("page"));
              body =
                  page > 6
                      ? "{\"data\":[]}"
                      : "{\"data\":[{\"id\":\"a" + page + "\"},{\"id\":\"b" + page + "\"}]}";
            }
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
    connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("limited.yaml"), CONNECTOR);
  }

  @AfterEach
  void tearDown() {
    runtimes.forEach(Paw::close);
  }

  private ConnectorProtocol connection(boolean connect) throws Exception {
    Paw paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .actor("rate-limit-test")
            .build();
    runtimes.add(paw);
    Pocket pocket = paw.pocket("Limited");
    ConnectorProtocol connector = paw.connector(pocket, "limited");
    if (connect) {
      connector
          .connect(ConnectOptions.baseUrl(server.url("/v1").toString()).withoutCredentialCheck())
          .toCompletableFuture()
          .join();
    }
    return connector;
  }

  private static CompletableFuture<Void> pings(ConnectorProtocol connector, int count) {
    return CompletableFuture.runAsync(
        () -> {
          for (int i = 0; i < count; i++) {
            connector.execute("ping", Map.of()).toCompletableFuture().join();
          }
        });
  }

  private long start;

  /**
   * Seconds from the first call to the last request's arrival (printed, for docs/reliability.md).
   * Measured from the calls rather than the first arrival, whose connection set-up may delay it: a
   * bucket holds at most its burst at the start, so the bound holds however slow the machine.
   */
  private double span() {
    long last = arrivals.stream().mapToLong(a -> a[0]).max().orElseThrow();
    double seconds = (last - start) / 1e9;
    System.out.printf("rate limit: %d requests took %.2f s%n", arrivals.size(), seconds);
    return seconds;
  }

  @Test
  void twoCallersOfOneConnectionShareItsBudget() throws Exception {
    ConnectorProtocol connector = connection(true);
    arrivals.clear();
    start = System.nanoTime();

    CompletableFuture.allOf(pings(connector, 6), pings(connector, 6)).join();

    // 12 requests at 3 a second, 3 at once: at least 3 s. Without the limit they take
    // milliseconds; with a budget per caller, 1 s.
    assertThat(arrivals).hasSize(12);
    assertThat(span()).as("seconds from the first call to the last request").isGreaterThan(2.8);
  }

  @Test
  void aSyncAndAnotherRuntimesActionsDrawOnTheSameBudget() throws Exception {
    ConnectorProtocol syncing = connection(true);
    ConnectorProtocol acting = connection(false); // a second runtime of the same process
    arrivals.clear();
    start = System.nanoTime();

    CompletableFuture<SyncResult> sync =
        CompletableFuture.supplyAsync(
            () -> syncing.sync("limited_items").toCompletableFuture().join());
    CompletableFuture<Void> actions = pings(acting, 5);
    CompletableFuture.allOf(sync, actions).join();

    assertThat(sync.join().records()).isEqualTo(12);
    assertThat(sync.join().failed()).isFalse();
    // 7 pages and 5 actions: 12 requests at 3 a second, 3 at once, so at least 3 s. Each alone
    // would need at most about 1.3 s.
    assertThat(arrivals).hasSize(12);
    assertThat(span()).as("seconds from the first call to the last request").isGreaterThan(2.8);
  }

  @Test
  void anActionsOwnLimitHoldsItBelowTheConnections() throws Exception {
    ConnectorProtocol connector = connection(true);
    arrivals.clear();
    start = System.nanoTime();

    for (int i = 0; i < 4; i++) {
      connector.execute("search", Map.of()).toCompletableFuture().join();
    }

    // 1 a second for search (the connection's 3 a second alone would let 4 go within 0.4 s).
    assertThat(span()).as("seconds from the first call to the last search").isGreaterThan(2.8);
    assertThat(paths).allMatch(p -> p.endsWith("/search"));
  }
}
