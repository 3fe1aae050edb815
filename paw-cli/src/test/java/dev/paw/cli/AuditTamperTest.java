package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tamper evidence at the command line: someone with write access to pocket.db edits, deletes,
 * reorders or forges audit rows out of band (dropping the append-only triggers first, as anyone
 * with the file can), and {@code paw audit --verify} must say which entry and exit with code 1.
 * Untouched, it says the trail is intact and exits 0.
 */
class AuditTamperTest {

  @TempDir Path home;

  @TempDir Path files;

  private Path database;

  private record Run(int exit, String out, String err) {}

  private Run paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit =
        PawCli.run(
            all,
            terminal,
            Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE="));
    return new Run(exit, terminal.printed(), terminal.errors());
  }

  /** Six audited actions in pocket Books. */
  @BeforeEach
  void someHistory() throws Exception {
    Path sales = Files.writeString(files.resolve("sales.csv"), "id,amount\n1,2.50\n2,3.75\n");
    assertThat(
            paw("run", "csv", "import_file", "--pocket", "Books", "-p", "file_path=" + sales)
                .exit())
        .isZero();
    for (int i = 0; i < 4; i++) {
      assertThat(
              paw("run", "csv", "query_table", "--pocket", "Books", "-p", "query=SELECT " + i)
                  .exit())
          .isZero();
    }
    assertThat(
            paw("run", "csv", "drop_table", "--pocket", "Books", "-p", "table_name=sales").exit())
        .isEqualTo(ExitCodes.REFUSED);
    database = home.resolve("pockets/books/pocket.db");
  }

  @Test
  void anUntouchedTrailIsIntact() {
    Run verify = paw("audit", "--pocket", "Books", "--verify");

    assertThat(verify.exit()).isZero();
    assertThat(verify.out()).startsWith("audit trail of 'Books' is intact: 6 entries, head ");
  }

  @Test
  void theTriggersRefuseChangesMadeWithoutDroppingThem() {
    Throwable update =
        catchThrowable(() -> sql("UPDATE _paw_audit SET outcome = 'ok' WHERE seq = 6"));
    Throwable delete = catchThrowable(() -> sql("DELETE FROM _paw_audit WHERE seq = 6"));

    assertThat(update).hasMessageContaining("_paw_audit is append-only: rows cannot be changed");
    assertThat(delete).hasMessageContaining("_paw_audit is append-only: rows cannot be deleted");
    assertThat(paw("audit", "--pocket", "Books", "--verify").exit()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a refusal turned into success | UPDATE _paw_audit SET outcome = 'ok', decision = 'approved' WHERE seq = 6"
            + " | 6 | row 6 was changed after it was written",
        "an edited parameter | UPDATE _paw_audit SET params = replace(params, 'SELECT 2', 'SELECT 9') WHERE seq = 4"
            + " | 4 | row 4 was changed after it was written",
        "an edited actor | UPDATE _paw_audit SET actor = 'someone else' WHERE seq = 1 | 1 | row 1 was changed after"
            + " it was written",
        "a deleted row | DELETE FROM _paw_audit WHERE seq = 3 | 4 | row 4 follows row 2: rows were deleted before it",
        "the newest rows deleted | DELETE FROM _paw_audit WHERE seq >= 5 | 5 | rows 5 to 6 were deleted from the"
            + " end of the trail",
        "two rows swapped | UPDATE _paw_audit SET seq = -seq WHERE seq IN (2, 3); UPDATE _paw_audit SET seq = 3"
            + " WHERE seq = -2; UPDATE _paw_audit SET seq = 2 WHERE seq = -3 | 2 | row 2 is not chained to the row"
            + " before it: rows were deleted, inserted or reordered",
        "a forged row with a fresh hash | INSERT INTO _paw_audit (time, pocket, connector, kind, target, params,"
            + " outcome, duration_ms, actor, prev_hash, hash) SELECT time, pocket, connector, kind, 'drop_table',"
            + " '{}', 'ok', 0, actor, hash, hash FROM _paw_audit WHERE seq = 6 | 7 | row 7 was changed after it was"
            + " written"
      })
  void tamperingIsReportedWithExitCode1(String what, String statements, int entry, String problem)
      throws Exception {
    tamper(statements);

    Run verify = paw("audit", "--pocket", "Books", "--verify");

    assertThat(verify.exit()).as(what).isEqualTo(ExitCodes.FAILED);
    assertThat(verify.out())
        .as(what)
        .isEqualTo(
            "audit trail of 'Books' was tampered with at entry " + entry + ": " + problem + "\n");
    Run json = paw("audit", "--pocket", "Books", "--verify", "--json");
    assertThat(json.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(json.out())
        .contains("\"firstBadSeq\" : " + entry)
        .contains("\"problem\" : \"" + problem + "\"");
  }

  @Test
  void tamperingWithTheSqlite3ShellIsReportedToo() throws Exception {
    assumeTrue(onPath("sqlite3"), "the sqlite3 shell is not installed (CI installs it)");
    Process shell =
        new ProcessBuilder(
                "sqlite3",
                database.toString(),
                "DROP TRIGGER _paw_audit_no_update;"
                    + " UPDATE _paw_audit SET target = 'list_tables' WHERE seq = 2;")
            .redirectErrorStream(true)
            .start();
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(shell.exitValue()).as(new String(shell.getInputStream().readAllBytes())).isZero();

    Run verify = paw("audit", "--pocket", "Books", "--verify");

    assertThat(verify.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(verify.out())
        .contains("tampered with at entry 2: row 2 was changed after it was written");
  }

  @Test
  void theNewestRowsDeletedWithTheCounterResetAreReportedThroughTheHeadFile() throws Exception {
    tamper(
        "DELETE FROM _paw_audit WHERE seq >= 5; UPDATE sqlite_sequence SET seq = 4 WHERE name = '_paw_audit'");

    Run verify = paw("audit", "--pocket", "Books", "--verify");

    assertThat(verify.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(verify.out())
        .isEqualTo(
            "audit trail of 'Books' was tampered with at entry 5: rows 5 to 6 were"
                + " deleted from the end of the trail (the head file "
                + headFile()
                + " records row 6)\n");
  }

  @Test
  void aWholeChainRewrittenWithCorrectUnkeyedHashesIsReported() throws Exception {
    tamper(
        "UPDATE _paw_audit SET outcome = 'ok', decision = 'approved', error = NULL WHERE seq = 6");
    rewriteWithSha256();

    Run verify = paw("audit", "--pocket", "Books", "--verify");

    assertThat(verify.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(verify.out())
        .isEqualTo(
            "audit trail of 'Books' was tampered with at entry 6: row 6 is not the row"
                + " the head file "
                + headFile()
                + " records: the trail was rewritten or replaced\n");
  }

  @Test
  void anExportedHeadFindsTheDatabaseAndTheHeadFileRolledBackTogether() throws Exception {
    Run head = paw("audit", "--pocket", "Books", "--head");
    assertThat(head.exit()).isZero();
    assertThat(head.out()).matches("6:hmac:[0-9a-f]{64}\n");
    String exported = head.out().strip();
    String earlier = "4:" + sql("SELECT hash FROM _paw_audit WHERE seq = 4");
    tamper(
        "DELETE FROM _paw_audit WHERE seq >= 5; UPDATE sqlite_sequence SET seq = 4 WHERE name = '_paw_audit'");
    Files.writeString(headFile(), earlier + "\n");

    assertThat(paw("audit", "--pocket", "Books", "--verify").exit())
        .as("with write access to both files, only an exported head shows the rollback")
        .isZero();
    Run verify = paw("audit", "--pocket", "Books", "--verify", "--head", exported);
    assertThat(verify.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(verify.out())
        .isEqualTo(
            "audit trail of 'Books' was tampered with at entry 5: rows 5 to 6 were"
                + " deleted from the end of the trail (the exported head "
                + exported
                + " names row 6)\n");
  }

  @Test
  void anUntouchedTrailHoldsItsExportedHead() {
    String exported = paw("audit", "--pocket", "Books", "--head").out().strip();

    Run verify = paw("audit", "--pocket", "Books", "--verify", "--head", exported);

    assertThat(verify.exit()).isZero();
    assertThat(verify.out())
        .isEqualTo(
            "audit trail of 'Books' is intact: 6 entries, head "
                + exported
                + "\n"
                + "it still holds the exported head "
                + exported
                + ": entries 1 to 6 are the ones that were there when it"
                + " was exported\n");
  }

  private Path headFile() {
    return home.resolve("audit/books.head");
  }

  /**
   * What someone who read the source does after an edit: recomputes every row's chain the way paw
   * did before the chain was keyed, SHA-256 of the previous hash and the row's canonical JSON.
   */
  private void rewriteWithSha256() throws Exception {
    List<String> updates = new java.util.ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement();
        var rs =
            s.executeQuery(
                "SELECT seq, time, pocket, connector, kind, target, params, trust_level, decision,"
                    + " outcome, error, duration_ms, actor FROM _paw_audit ORDER BY seq")) {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      String previous = "0".repeat(64);
      while (rs.next()) {
        var row = json.createArrayNode().add(rs.getLong(1));
        for (int column = 2; column <= 11; column++) {
          row.add(rs.getString(column));
        }
        row.add(rs.getLong(12)).add(rs.getString(13));
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((previous + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String hash =
            java.util.HexFormat.of()
                .formatHex(
                    sha.digest(row.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        updates.add(
            "UPDATE _paw_audit SET prev_hash = '"
                + previous
                + "', hash = '"
                + hash
                + "' WHERE seq = "
                + rs.getLong(1));
        previous = hash;
      }
    }
    tamper(String.join("; ", updates));
  }

  /** Runs {@code statements} with the append-only triggers dropped, then puts the triggers back. */
  private void tamper(String statements) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement()) {
      List<String> triggers = new java.util.ArrayList<>();
      try (var rs =
          s.executeQuery(
              "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '_paw_audit'")) {
        while (rs.next()) {
          triggers.add(rs.getString(1));
        }
      }
      assertThat(triggers).hasSize(2);
      s.execute("DROP TRIGGER _paw_audit_no_update");
      s.execute("DROP TRIGGER _paw_audit_no_delete");
      for (String statement : statements.split(";")) {
        s.execute(statement.strip());
      }
      for (String trigger : triggers) {
        s.execute(trigger);
      }
    }
  }

  private String sql(String statement) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement()) {
      if (s.execute(statement)) {
        try (var rs = s.getResultSet()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
      return null;
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
