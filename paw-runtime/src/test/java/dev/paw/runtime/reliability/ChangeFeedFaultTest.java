package dev.paw.runtime.reliability;

import static dev.paw.runtime.SyncOutcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncListener.TableChange;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.Changes;
import dev.paw.runtime.testing.Records;
import dev.paw.runtime.testing.RecordsApi;
import dev.paw.runtime.testing.RecordsApi.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A change feed under faults: after a full listing of 2,000 records, 3,000 change events (creates,
 * updates, deletes, several in one second) are read in pages of 50 from a server that injects one
 * of eight faults into 30% of the requests, from a seed, so that runs give up and resume. The sync
 * is rerun until it completes; the table must then equal the source with every event applied,
 * exactly (0 lost, 0 duplicated, 0 different, 0 left that was deleted), and the listener must have
 * been told every deleted key.
 */
class ChangeFeedFaultTest {

  private static final int RECORDS = 2_000;
  private static final int EVENTS = 3_000;
  private static final int PAGE_SIZE = 50;
  private static final int RUNS = Integer.getInteger("paw.faults.changeRuns", 8);
  private static final double RATE =
      Double.parseDouble(System.getProperty("paw.faults.changeRate", "0.3"));
  private static final int MAX_RUNS_PER_SEED = 60;

  /** Runs that gave up and were resumed, over all seeds. */
  private static final java.util.concurrent.atomic.AtomicInteger RESUMED =
      new java.util.concurrent.atomic.AtomicInteger();

  @org.junit.jupiter.api.AfterAll
  static void someRunsGaveUpAndResumed() {
    assertThat(RESUMED.get())
        .as("the faults made some runs give up, so that resuming a change feed was tested")
        .isPositive();
  }

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, RUNS);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rerunningAChangeFeedAfterFaultsEndsWithExactlyTheSource(long seed) throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("records.yaml"), Changes.connector(PAGE_SIZE));
    List<TableChange> changes = Collections.synchronizedList(new ArrayList<>());
    try (RecordsApi api =
            RecordsApi.withFaults(
                Records.generate(RECORDS), seed, 0, Fault.all(), Duration.ofMillis(750));
        Paw paw =
            Paw.builder()
                .home(PawHome.at(dir.resolve("home")))
                .credentials(new InMemoryCredentialStore())
                .connectorFolders(List.of(connectors))
                .settings(
                    new RuntimeSettings(
                        new RuntimeSettings.Retry(
                            2,
                            Duration.ofMillis(500),
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(60)),
                        Map.of(),
                        Clock.systemUTC(),
                        wait -> {}))
                .httpClient(
                    HttpClients.newClient()
                        .newBuilder()
                        .readTimeout(Duration.ofMillis(250))
                        .callTimeout(Duration.ofSeconds(60))
                        .build())
                .listener(changes::add)
                .build()) {
      Pocket pocket = paw.pocket("Feed");
      paw.credentials(pocket, "records").put("RECORDS_KEY", Secret.of(RecordsApi.API_KEY));
      ConnectorProtocol records = paw.connector(pocket, "records");
      records
          .connect(ConnectOptions.baseUrl(api.baseUrl()).withoutCredentialCheck())
          .toCompletableFuture()
          .join();
      assertThat(resultOf(records.sync("records")).complete()).isTrue();
      Path database = dir.resolve("home/pockets/feed/pocket.db");
      assertThat(Records.compare(database, RECORDS).none()).isTrue();

      // the events come after the listing: from the position it stored (its start, in seconds) on
      Changes script = new Changes(RECORDS, position(database));
      api.events(script.events(EVENTS));
      api.inject(RATE, Fault.all());
      changes.clear();
      int runs = 0;
      SyncResult result;
      do {
        runs++;
        result = resultOf(records.sync("records"));
        if (!result.complete()) {
          assertThat(result.error())
              .as("seed %d run %d says why it stopped", seed, runs)
              .isNotNull();
        }
      } while (!result.complete() && runs < MAX_RUNS_PER_SEED);
      RESUMED.addAndGet(runs - 1);

      assertThat(result.complete()).as("seed %d: %s", seed, result.error()).isTrue();
      Map<String, Records.Row> expected = script.expected(EVENTS);
      Records.Difference difference = Records.compare(database, expected);
      assertThat(difference.none())
          .as(
              "seed %d after %d runs and %d faults: %s",
              seed, runs, api.injectedTotal(), difference)
          .isTrue();
      assertThat(Records.integrity(database)).isEqualTo("ok");
      List<Object> deleted = new ArrayList<>();
      changes.forEach(c -> deleted.addAll(c.deletedKeys()));
      List<String> gone = new ArrayList<>();
      for (int i = 1; i <= RECORDS; i++) {
        if (!expected.containsKey(Records.id(i))) {
          gone.add(Records.id(i));
        }
      }
      assertThat(deleted)
          .as("seed %d: the listener was told the key of every row deleted", seed)
          .hasSize((int) changes.stream().mapToLong(TableChange::deleted).sum())
          .containsAll(gone);
      assertThat(gone).isNotEmpty();
      assertThat(result.deleted()).isPositive();
      System.out.printf(
          "change feed under faults: seed %d, %,d events in pages of %d, %d faults injected, %d"
              + " runs: exact%n",
          seed, EVENTS, PAGE_SIZE, api.injectedTotal(), runs);
    }
  }

  private static long position(Path database) throws java.sql.SQLException {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
        java.sql.ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT cursor FROM _paw_sync_state WHERE table_name = 'records'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
