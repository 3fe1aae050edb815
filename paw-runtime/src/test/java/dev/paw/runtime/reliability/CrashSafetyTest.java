package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.testing.Records;
import dev.paw.runtime.testing.RecordsApi;
import java.io.BufferedWriter;
import java.io.IOException;
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
 * Crash safety: a separate JVM running paw is killed with SIGKILL at ten random points, and what it
 * leaves behind must be whole.
 *
 * <ul>
 *   <li>A 20,000-record sync: after every kill {@code PRAGMA integrity_check} is ok and the table
 *       holds exactly the records its checkpoint says were committed (a prefix of the source: no
 *       half page, no gap); a final rerun completes it to exactly the source.
 *   <li>An {@code import_file} that replaces a 1,000-row table with a 200,000-row file: after every
 *       kill the table is either the old one or the complete new one, never a mix or a part, and no
 *       staging table is left.
 * </ul>
 *
 * The kill points are drawn from {@code -Dpaw.crash.seed} (default 7), printed with every
 * assertion.
 */
class CrashSafetyTest {

  private static final long SEED = Long.getLong("paw.crash.seed", 7L);
  private static final int KILLS = Integer.getInteger("paw.crash.kills", 10);
  private static final int RECORDS = 20_000;
  private static final int PAGE_SIZE = 200;
  private static final int PAGES = RECORDS / PAGE_SIZE;
  private static final int OLD_ROWS = 1_000;
  private static final int NEW_ROWS = 200_000;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void aSyncKilledAtRandomPointsLeavesWholePagesAndResumesToExactlyTheSource() throws Exception {
    Random random = new Random(SEED);
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("records.yaml"), Records.connector(PAGE_SIZE));
    Path home = dir.resolve("home");
    Path database = home.resolve("pockets/crash/pocket.db");
    // kill after this many committed pages in all (plus a few milliseconds, so some kills land
    // inside a commit)
    TreeSet<Integer> targets = new TreeSet<>();
    while (targets.size() < KILLS) {
      targets.add(random.nextInt(PAGES - 10));
    }
    List<String> kills = new ArrayList<>();
    try (RecordsApi api = RecordsApi.start(Records.generate(RECORDS))) {
      for (int target : targets) {
        int committedBefore = committedPages(database);
        try (ChildProcess child =
            ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
          child.await("syncing"::equals, STEP_TIMEOUT);
          for (int page = committedBefore; page < target; page++) {
            child.await(line -> line.startsWith("page "), STEP_TIMEOUT);
          }
          Thread.sleep(random.nextInt(12));
          int status = child.killHard();
          assertThat(status)
              .as(
                  "seed %d: the child was killed by SIGKILL, not ended; output:%n%s",
                  SEED, child.output())
              .isEqualTo(ChildProcess.KILLED);
        }
        assertThat(Records.integrity(database))
            .as("seed %d, kill after page %d", SEED, target)
            .isEqualTo("ok");
        int committed = committedPages(database);
        long rows = committedRecords(database);
        assertThat(rows)
            .as(
                "seed %d, kill after page %d: rows in the table are the records the checkpoint"
                    + " counts",
                SEED, target)
            .isEqualTo(count(database, "records"));
        Records.Difference prefix = Records.compare(database, (int) rows);
        assertThat(prefix.none())
            .as(
                "seed %d, kill after page %d: the table is the first %d records: %s",
                SEED, target, rows, prefix)
            .isTrue();
        kills.add(target + "->" + committed);
      }
      try (ChildProcess last =
          ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
        assertThat(last.await(line -> line.startsWith("result "), STEP_TIMEOUT))
            .as("seed %d", SEED)
            .startsWith("result complete=true");
        assertThat(last.awaitExit(STEP_TIMEOUT)).isZero();
      }
    }
    Records.Difference difference = Records.compare(database, RECORDS);
    assertThat(difference.none())
        .as("seed %d: after %d kills and a rerun: %s", SEED, KILLS, difference)
        .isTrue();
    assertThat(Records.integrity(database)).isEqualTo("ok");
    System.out.printf(
        "crash safety (sync): seed %d, %d SIGKILLs (pages targeted->committed: %s), then 1 rerun:"
            + " %,d records exact, integrity_check ok%n",
        SEED, KILLS, kills, RECORDS);
  }

  @Test
  void anImportKilledAtRandomPointsLeavesTheOldTableOrTheCompleteNewOne() throws Exception {
    Random random = new Random(SEED);
    Path connectors =
        Path.of(System.getProperty("paw.repositoryRoot", ".."), "connectors").toAbsolutePath();
    Path oldFile = csv(dir.resolve("old.csv"), OLD_ROWS, "old");
    Path newFile = csv(dir.resolve("new.csv"), NEW_ROWS, "new");
    Path home = dir.resolve("home");
    Path database = home.resolve("pockets/crash/pocket.db");

    // how long a whole import of the new file takes, from the line before it to the line after, in
    // another home
    long started = 0;
    try (ChildProcess calibration =
        ChildProcess.start(
            "import",
            dir.resolve("calibration").toString(),
            connectors.toString(),
            newFile.toString(),
            "big")) {
      calibration.await("importing"::equals, STEP_TIMEOUT);
      started = System.nanoTime();
      assertThat(calibration.await(line -> line.startsWith("imported "), STEP_TIMEOUT))
          .isEqualTo("imported " + NEW_ROWS);
    }
    long importMillis = (System.nanoTime() - started) / 1_000_000;

    importCompletely(home, connectors, oldFile);
    int leftOld = 0;
    int leftNew = 0;
    List<Long> delays = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      // up to a quarter past the calibrated duration: most kills land inside the import, some after
      // its commit
      long delay = (long) (random.nextDouble() * importMillis * 1.25);
      delays.add(delay);
      try (ChildProcess child =
          ChildProcess.start(
              "import", home.toString(), connectors.toString(), newFile.toString(), "big")) {
        child.await("importing"::equals, STEP_TIMEOUT);
        Thread.sleep(delay);
        child.killHard();
      }
      assertThat(Records.integrity(database))
          .as("seed %d, kill %d ms into the import", SEED, delay)
          .isEqualTo("ok");
      assertThat(tables(database))
          .as("seed %d, kill %d ms into the import: tables", SEED, delay)
          .noneMatch(t -> t.startsWith("_paw_staging"));
      String state = importedTable(database);
      assertThat(state)
          .as(
              "seed %d, kill %d ms into the import: table big is the old or the new file, whole",
              SEED, delay)
          .isIn("old " + OLD_ROWS, "new " + NEW_ROWS);
      if (state.startsWith("new")) {
        leftNew++;
        importCompletely(
            home,
            connectors,
            oldFile); // back to the old table, so the next kill tests the swap again
      } else {
        leftOld++;
      }
    }
    importCompletely(home, connectors, newFile);
    assertThat(importedTable(database)).isEqualTo("new " + NEW_ROWS);
    assertThat(Records.integrity(database)).isEqualTo("ok");
    System.out.printf(
        "crash safety (import): seed %d, a %,d-row import takes %d ms; %d SIGKILLs at %s ms: the old"
            + " table left %d times, the complete new one %d times, never anything else%n",
        SEED, NEW_ROWS, importMillis, KILLS, delays, leftOld, leftNew);
  }

  private static void importCompletely(Path home, Path connectors, Path file) throws Exception {
    try (ChildProcess child =
        ChildProcess.start(
            "import", home.toString(), connectors.toString(), file.toString(), "big")) {
      child.await(line -> line.startsWith("imported "), STEP_TIMEOUT);
      assertThat(child.awaitExit(STEP_TIMEOUT)).isZero();
    }
  }

  /** A CSV of {@code rows} rows whose labels all start with {@code tag}. */
  private static Path csv(Path file, int rows, String tag) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("id,label,amount,day\n");
      for (int i = 1; i <= rows; i++) {
        out.write(
            i
                + ","
                + tag
                + "-"
                + i
                + ","
                + (i % 1000)
                + "."
                + (i % 100) / 10
                + (i % 10)
                + ",2026-01-"
                + (1 + i % 28 < 10 ? "0" : "")
                + (1 + i % 28)
                + "\n");
      }
    }
    return file;
  }

  /**
   * "old N" or "new N" when table big holds exactly one file's rows; anything else describes the
   * mix.
   */
  private static String importedTable(Path database) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), sum(label LIKE 'old-%'), sum(label LIKE 'new-%'),"
                    + " count(DISTINCT id), min(id), max(id) FROM big")) {
      rs.next();
      long rows = rs.getLong(1);
      long old = rs.getLong(2);
      long fresh = rs.getLong(3);
      boolean whole = rs.getLong(4) == rows && rs.getLong(5) == 1 && rs.getLong(6) == rows;
      if (whole && old == rows) {
        return "old " + rows;
      }
      if (whole && fresh == rows) {
        return "new " + rows;
      }
      return rows
          + " rows: "
          + old
          + " old, "
          + fresh
          + " new, ids "
          + rs.getLong(5)
          + ".."
          + rs.getLong(6);
    }
  }

  private static List<String> tables(Path database) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static int committedPages(Path database) throws SQLException {
    return (int) syncState(database, "CASE WHEN run_id IS NULL THEN last_pages ELSE run_pages END");
  }

  private static long committedRecords(Path database) throws SQLException {
    return syncState(database, "CASE WHEN run_id IS NULL THEN last_records ELSE run_records END");
  }

  private static long syncState(Path database, String column) throws SQLException {
    if (!Files.exists(database)) {
      return 0;
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT " + column + " FROM _paw_sync_state WHERE table_name = 'records'")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      if (e.getMessage().contains("no such table")) {
        return 0;
      }
      throw e;
    }
  }

  private static long count(Path database, String table) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
