package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.testing.Records;
import dev.paw.runtime.testing.RecordsApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two separate paw processes syncing the same table of the same pocket: the second one is told, at
 * once and clearly, that the table is busy, and does nothing; the first completes; the table is
 * exactly the source and the database is intact. When the first process dies (SIGKILL), its claim
 * on the table dies with it.
 */
class TwoProcessesTest {

  private static final int RECORDS = 2_000;
  private static final Duration STEP = Duration.ofSeconds(60);

  @TempDir Path dir;

  @ParameterizedTest(name = "write_mode {0}")
  @ValueSource(strings = {"merge", "replace"})
  void theSecondProcessIsToldTheTableIsBusyAndTheDataStaysExact(String writeMode) throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("records.yaml"), Records.connector(100, writeMode));
    Path home = dir.resolve("home");
    Path database = home.resolve("pockets/crash/pocket.db");
    try (RecordsApi api = RecordsApi.start(Records.generate(RECORDS))) {
      RecordsApi.Hold held = api.hold(Records.id(500));
      try (ChildProcess first =
          ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
        assertThat(held.awaitArrival(STEP)).as("the first process reached its held page").isTrue();

        try (ChildProcess second =
            ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
          String result = second.await(line -> line.startsWith("result "), STEP);
          assertThat(result)
              .as(second.output())
              .isEqualTo(
                  "result complete=false records=0 error=busy: records is being synced by another process");
          assertThat(second.awaitExit(STEP)).isZero();
        }
        held.release();
        assertThat(first.await(line -> line.startsWith("result "), STEP))
            .as(first.output())
            .isEqualTo("result complete=true records=" + RECORDS + " error=null");
        assertThat(first.awaitExit(STEP)).isZero();
      }
    }
    assertThat(Records.compare(database, RECORDS).none()).isTrue();
    assertThat(Records.integrity(database)).isEqualTo("ok");
    assertThat(
            rows(
                database,
                "SELECT outcome || ' ' || coalesce(error, '') FROM _paw_audit WHERE kind = 'sync'"
                    + " ORDER BY seq"))
        .as("the refusal is audited; the first run's result follows it")
        .containsExactly("error busy: records is being synced by another process", "ok ");
    assertThat(rows(database, "SELECT state FROM _paw_connections WHERE connector = 'records'"))
        .as("a busy table is not a failed connection")
        .containsExactly("connected");
  }

  private static java.util.List<String> rows(Path database, String sql)
      throws java.sql.SQLException {
    java.util.List<String> rows = new java.util.ArrayList<>();
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
        java.sql.Statement s = db.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  @Test
  void aKilledProcessLeavesNoClaimBehind() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("records.yaml"), Records.connector(100));
    Path home = dir.resolve("home");
    try (RecordsApi api = RecordsApi.start(Records.generate(RECORDS))) {
      RecordsApi.Hold held = api.hold(Records.id(500));
      try (ChildProcess first =
          ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
        assertThat(held.awaitArrival(STEP)).isTrue();
        assertThat(first.killHard()).isEqualTo(ChildProcess.KILLED);
      }
      held.release();
      try (ChildProcess next =
          ChildProcess.start("sync", home.toString(), connectors.toString(), api.baseUrl())) {
        assertThat(next.await(line -> line.startsWith("result "), STEP))
            .as(next.output())
            .isEqualTo(
                "result complete=true records="
                    + RECORDS
                    + " error=null"); // the run counts its resumed pages
      }
    }
    assertThat(Records.compare(home.resolve("pockets/crash/pocket.db"), RECORDS).none()).isTrue();
  }
}
