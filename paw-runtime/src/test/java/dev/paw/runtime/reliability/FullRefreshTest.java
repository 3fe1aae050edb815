package dev.paw.runtime.reliability;

import static dev.paw.runtime.SyncOutcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.Records;
import dev.paw.runtime.testing.RecordsApi;
import dev.paw.runtime.testing.RecordsApi.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full runs that remove what the source no longer has ({@code full_refresh}, {@code paw sync
 * --full}): a source of 3,000 records loses every 7th and gains 200. A run that is not due keeps
 * the rows that are gone; a due full refresh, under 15% faults and rerun until complete, leaves
 * exactly the new source; and a {@code --full} run killed with SIGKILL at random points resumes as
 * the same full run, which still removes exactly what is gone.
 */
class FullRefreshTest {

  private static final int RECORDS = 3_000;
  private static final int PAGE_SIZE = 100;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private Path connectors() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(
        connectors.resolve("records.yaml"),
        Records.connector(PAGE_SIZE)
            .replace("  write_mode: merge\n", "  write_mode: merge\n  full_refresh: every_1d\n"));
    return connectors;
  }

  /** Records 1 to 3,000 but every 7th, and 3,001 to 3,200. */
  private static Map<String, Records.Row> changedSource() {
    Map<String, Records.Row> rows = new LinkedHashMap<>();
    for (int i = 1; i <= RECORDS + 200; i++) {
      if (i > RECORDS || i % 7 != 0) {
        rows.put(Records.id(i), Records.row(i));
      }
    }
    return rows;
  }

  private static List<String> json(Map<String, Records.Row> rows) {
    List<String> out = new ArrayList<>();
    rows.keySet().forEach(id -> out.add(Records.json(Integer.parseInt(id.substring(4)))));
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void aDueFullRefreshUnderFaultsRemovesExactlyWhatTheSourceNoLongerHas(long seed)
      throws Exception {
    MovableClock clock = new MovableClock();
    try (RecordsApi api =
            RecordsApi.withFaults(
                Records.generate(RECORDS), seed, 0, Fault.all(), Duration.ofMillis(750));
        Paw paw =
            Paw.builder()
                .home(PawHome.at(dir.resolve("home")))
                .credentials(new InMemoryCredentialStore())
                .connectorFolders(List.of(connectors()))
                .settings(
                    new RuntimeSettings(
                        new RuntimeSettings.Retry(
                            2,
                            Duration.ofMillis(500),
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(60)),
                        Map.of(),
                        clock,
                        wait -> {}))
                .httpClient(
                    HttpClients.newClient()
                        .newBuilder()
                        .readTimeout(Duration.ofMillis(250))
                        .callTimeout(Duration.ofSeconds(60))
                        .build())
                .build()) {
      Pocket pocket = paw.pocket("Refresh");
      paw.credentials(pocket, "records").put("RECORDS_KEY", Secret.of(RecordsApi.API_KEY));
      ConnectorProtocol records = paw.connector(pocket, "records");
      records
          .connect(ConnectOptions.baseUrl(api.baseUrl()).withoutCredentialCheck())
          .toCompletableFuture()
          .join();
      assertThat(resultOf(records.sync("records")).complete()).isTrue();
      Path database = dir.resolve("home/pockets/refresh/pocket.db");

      Map<String, Records.Row> source = changedSource();
      api.replaceRecords(json(source));
      clock.now = clock.now.plus(Duration.ofHours(1));
      SyncResult notDue = resultOf(records.sync("records"));
      assertThat(notDue.deleted()).as("a full refresh a day: not due after an hour").isZero();
      assertThat(Records.table(database)).hasSize(RECORDS + 200);

      clock.now = clock.now.plus(Duration.ofDays(1));
      api.inject(0.15, Fault.all());
      int runs = 0;
      SyncResult result;
      do {
        runs++;
        result = resultOf(records.sync("records"));
      } while (!result.complete() && runs < 60);
      assertThat(result.complete()).as("seed %d: %s", seed, result.error()).isTrue();
      Records.Difference difference = Records.compare(database, source);
      assertThat(difference.none())
          .as("seed %d after %d runs, %d faults: %s", seed, runs, api.injectedTotal(), difference)
          .isTrue();
      assertThat(result.deleted()).isEqualTo(RECORDS / 7);
      assertThat(Records.integrity(database)).isEqualTo("ok");
    }
  }

  @Test
  void aFullRunKilledAtRandomPointsResumesAndRemovesExactlyWhatIsGone() throws Exception {
    Random random = new Random(Long.getLong("paw.crash.seed", 7L));
    Path connectors = connectors();
    Path home = dir.resolve("home");
    Path database = home.resolve("pockets/crash/pocket.db");
    Map<String, Records.Row> source = changedSource();
    int pages = (source.size() + PAGE_SIZE - 1) / PAGE_SIZE;
    TreeSet<Integer> targets = new TreeSet<>();
    while (targets.size() < 5) {
      targets.add(1 + random.nextInt(pages - 3));
    }
    Map<String, Records.Row> everything = new LinkedHashMap<>(source);
    for (int i = 1; i <= RECORDS; i++) {
      everything.putIfAbsent(Records.id(i), Records.row(i));
    }
    try (RecordsApi api = RecordsApi.start(Records.generate(RECORDS))) {
      try (ChildProcess first =
          ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
        assertThat(first.await(line -> line.startsWith("result "), STEP_TIMEOUT))
            .startsWith("result complete=true");
      }
      api.replaceRecords(json(source));
      int committed = 0;
      for (int target : targets) {
        try (ChildProcess child =
            ChildProcess.start(
                "sync-full", home.toString(), connectors.toString(), api.baseUrl())) {
          child.await("syncing"::equals, STEP_TIMEOUT);
          // --full abandons an interrupted run, so each child starts the full run again
          for (int page = 0; page < target; page++) {
            child.await(line -> line.startsWith("page "), STEP_TIMEOUT);
          }
          Thread.sleep(random.nextInt(12));
          assertThat(child.killHard()).isEqualTo(ChildProcess.KILLED);
        }
        assertThat(Records.integrity(database)).isEqualTo("ok");
        // nothing is removed before the full run completes, nothing is duplicated or half written;
        // only new records on pages not yet committed are missing
        Records.Difference partial = Records.compare(database, everything);
        assertThat(partial.duplicated()).as("kill after page %d", target).isEmpty();
        assertThat(partial.unexpected()).as("kill after page %d", target).isEmpty();
        assertThat(partial.wrong()).as("kill after page %d", target).isEmpty();
        assertThat(partial.lost())
            .as("kill after page %d", target)
            .allMatch(id -> Integer.parseInt(id.substring(4)) > RECORDS);
        committed++;
      }
      // a plain sync resumes the interrupted full run, which still removes what is gone
      try (ChildProcess last =
          ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
        assertThat(last.await(line -> line.startsWith("result "), STEP_TIMEOUT))
            .startsWith("result complete=true");
      }
      assertThat(committed).isEqualTo(targets.size());
    }
    assertThat(Records.compare(database, source).none()).isTrue();
    assertThat(Records.integrity(database)).isEqualTo("ok");
  }
}
