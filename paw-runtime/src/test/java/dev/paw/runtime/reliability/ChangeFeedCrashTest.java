package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.testing.Changes;
import dev.paw.runtime.testing.Records;
import dev.paw.runtime.testing.RecordsApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of a change feed: after a full listing, a separate JVM applying 4,000 change events
 * (creates, updates, deletes) in pages of 100 is killed with SIGKILL at random points. After every
 * kill {@code PRAGMA integrity_check} is ok and the table is exactly the listing with the events
 * its checkpoint counts applied (whole pages, no half page, nothing twice); a final rerun completes
 * it to exactly the source. Kill points come from {@code -Dpaw.crash.seed} (default 7).
 */
class ChangeFeedCrashTest {

  private static final long SEED = Long.getLong("paw.crash.seed", 7L);
  private static final int KILLS = Integer.getInteger("paw.crash.kills", 6);
  private static final int RECORDS = 2_000;
  private static final int EVENTS = 4_000;
  private static final int PAGE_SIZE = 100;
  private static final int PAGES = EVENTS / PAGE_SIZE;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void aChangeFeedKilledAtRandomPointsAppliesWholePagesAndResumesToExactlyTheSource()
      throws Exception {
    Random random = new Random(SEED);
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("records.yaml"), Changes.connector(PAGE_SIZE));
    Path home = dir.resolve("home");
    Path database = home.resolve("pockets/crash/pocket.db");
    TreeSet<Integer> targets = new TreeSet<>();
    while (targets.size() < KILLS) {
      targets.add(1 + random.nextInt(PAGES - 5));
    }
    List<String> kills = new ArrayList<>();
    try (RecordsApi api = RecordsApi.start(Records.generate(RECORDS))) {
      runToTheEnd(home, connectors, api);
      assertThat(Records.compare(database, RECORDS).none()).isTrue();

      // the events come after the listing: from the position it stored (its start, in seconds) on
      Changes script = new Changes(RECORDS, state(database, "cursor"));
      api.events(script.events(EVENTS));
      for (int target : targets) {
        int committedBefore = (int) state(database, "run_pages");
        try (ChildProcess child =
            ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
          child.await("syncing"::equals, STEP_TIMEOUT);
          for (int page = committedBefore; page < target; page++) {
            child.await(line -> line.startsWith("page "), STEP_TIMEOUT);
          }
          Thread.sleep(random.nextInt(12));
          assertThat(child.killHard())
              .as("seed %d: killed by SIGKILL; output:%n%s", SEED, child.output())
              .isEqualTo(ChildProcess.KILLED);
        }
        assertThat(Records.integrity(database)).isEqualTo("ok");
        int applied = (int) state(database, "run_records");
        Records.Difference difference = Records.compare(database, script.expected(applied));
        assertThat(difference.none())
            .as(
                "seed %d, kill after page %d: the table is the listing with the %d events its"
                    + " checkpoint counts applied: %s",
                SEED, target, applied, difference)
            .isTrue();
        kills.add(target + "->" + state(database, "run_pages"));
      }
      runToTheEnd(home, connectors, api);
      Records.Difference difference = Records.compare(database, script.expected(EVENTS));
      assertThat(difference.none())
          .as("seed %d: after %d kills and a rerun: %s", SEED, KILLS, difference)
          .isTrue();
    }
    assertThat(Records.integrity(database)).isEqualTo("ok");
    System.out.printf(
        "crash safety (change feed): seed %d, %d SIGKILLs (pages targeted->committed: %s), then 1"
            + " rerun: %,d events over %,d records exact, integrity_check ok%n",
        SEED, KILLS, kills, EVENTS, RECORDS);
  }

  private static void runToTheEnd(Path home, Path connectors, RecordsApi api) throws Exception {
    try (ChildProcess run =
        ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
      assertThat(run.await(line -> line.startsWith("result "), STEP_TIMEOUT))
          .startsWith("result complete=true");
      assertThat(run.awaitExit(STEP_TIMEOUT)).isZero();
    }
  }

  private static long state(Path database, String column) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT " + column + " FROM _paw_sync_state WHERE table_name = 'records'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
