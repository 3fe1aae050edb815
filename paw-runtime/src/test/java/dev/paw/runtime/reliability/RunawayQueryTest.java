package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query_table} runs at trust level {@code auto}, so anyone who may ask an agent a question
 * can make it run a query that never ends (a recursive CTE without a stop). The query must stop at
 * its time limit with a message that says so, and the pocket must answer the next query.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunawayQueryTest {

  private static final String ENDLESS =
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)" + " SELECT count(*) FROM n";

  @TempDir Path dir;

  private Paw paw;
  private ConnectorProtocol csv;

  @BeforeEach
  void setUp() throws Exception {
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(
                List.of(Path.of(System.getProperty("paw.repositoryRoot", ".."), "connectors")))
            .limits(RuntimeLimits.defaults().withQueryTimeout(Duration.ofSeconds(1)))
            .actor("query-test")
            .build();
    Pocket pocket = paw.pocket("Mine");
    csv = paw.connector(pocket, "csv");
    Path sales = Files.writeString(dir.resolve("sales.csv"), "id,amount\n1,250.00\n2,99.50\n");
    csv.execute("import_file", Map.of("file_path", sales.toString())).toCompletableFuture().join();
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  @Test
  void aNeverEndingRecursiveQueryStopsAtTheTimeLimit() {
    long started = System.nanoTime();
    Throwable error =
        catchThrowable(
            () ->
                csv.execute("query_table", Map.of("query", ENDLESS)).toCompletableFuture().join());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    assertThat(cause).isNotNull();
    assertThat(cause.getMessage())
        .isEqualTo(
            "query stopped after 1 s, the time limit on one query (raise it with"
                + " PAW_QUERY_TIMEOUT_SECONDS (or RuntimeLimits on PawBuilder))");
    assertThat(took).as("stopped at the 1 s limit").isLessThan(Duration.ofSeconds(6));

    String answer =
        csv.execute("query_table", Map.of("query", "SELECT count(*) AS n FROM sales"))
            .toCompletableFuture()
            .join()
            .text();
    assertThat(answer).as("the pocket answers the next query").contains("\"n\"").contains("2");
  }
}
