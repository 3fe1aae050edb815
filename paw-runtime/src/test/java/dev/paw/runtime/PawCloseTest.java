package dev.paw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Paw#close()} releases the threads and connections it started, so the JVM can exit. */
class PawCloseTest {

  @TempDir Path dir;

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void closeLeavesNoThreadOfItsOwnAlive() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(
        connectors.resolve("shop.yaml"),
        """
        name: shop
        base_url: https://api.shop.example/v1
        auth:
          method: api_key
          in: header
          name: X-Api-Key
          credentials:
            - { name: SHOP_KEY, required: true }
        actions:
          - name: list_orders
            url: /orders
            trust_level: auto
        """);
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Paw paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .build();
    Pocket pocket = paw.pocket("My Business");
    paw.credentials(pocket, "shop").put("SHOP_KEY", Secret.of("k_1"));
    ConnectorProtocol shop = paw.connector(pocket, "shop");
    shop.connect(ConnectOptions.baseUrl(server.url("/v1").toString()).withoutCredentialCheck())
        .toCompletableFuture()
        .join();
    server.enqueue(new MockResponse.Builder().body("[]").build());
    shop.execute("list_orders", Map.of()).toCompletableFuture().join();

    paw.close();

    // what close() started and must stop: paw's workers, the connection pool's closer (which
    // holds idle connections open for five minutes) and any non-daemon thread (the dispatcher's),
    // which would keep the JVM from exiting. Not counted: the server's own thread, and the
    // process-wide daemon threads of OkHttp's task runner and Okio's watchdog, which end by
    // themselves a minute after their last task and never keep the JVM alive.
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < deadline && !lingering(before).isEmpty()) {
      Thread.sleep(20);
    }
    assertThat(lingering(before)).as("threads left after close()").isEmpty();
  }

  @Test
  void aClientTheHostGaveIsLeftOpen() {
    OkHttpClient hosts = new OkHttpClient();
    Paw paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectors(List.of())
            .httpClient(hosts)
            .build();

    paw.close();

    assertThat(hosts.dispatcher().executorService().isShutdown()).isFalse();
  }

  private static List<String> lingering(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .filter(t -> !t.getName().startsWith("MockWebServer"))
        .filter(
            t ->
                !t.isDaemon()
                    || t.getName().startsWith("paw-")
                    || t.getName().contains("ConnectionPool")
                    || t.getName().contains("Dispatcher"))
        .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
        .sorted()
        .toList();
  }
}
