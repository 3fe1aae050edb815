package dev.paw.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.audit.AuditChain;
import dev.paw.runtime.internal.audit.AuditEvent;
import dev.paw.runtime.internal.audit.AuditLogs;
import dev.paw.runtime.internal.audit.AuditWriter;
import dev.paw.runtime.internal.credentials.MasterKey;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.internal.pocket.Pockets;
import dev.paw.runtime.internal.trust.TrustDecision;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.TrustLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  private static final String KEY = "sk_live_9f8e7d6c";

  @TempDir Path home;

  private Pocket pocket;
  private Instant now = Instant.parse("2026-02-01T09:00:00Z");
  private AuditWriter writer;
  private AuditLog log;
  private AuditChain chain;
  private final Redactor redactor = Redactor.of(List.of(Secret.of(KEY)));

  @BeforeEach
  void setUp() throws Exception {
    pocket = new Pockets(PawHome.at(home)).open("My Business");
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    MasterKey key = MasterKey.of(new byte[32]);
    writer = new AuditWriter(pocket, key, clock, "alice");
    log = AuditLogs.open(pocket, key);
    chain = AuditChain.of(key, pocket.slug());
  }

  private void appendSome() throws SQLException {
    writer.append(
        AuditEvent.connection("stripe", AuditKind.CONNECT, AuditOutcome.OK, null), redactor);
    now = now.plusSeconds(60);
    writer.append(
        AuditEvent.action(
            "stripe",
            "create_refund",
            Map.of("charge", "ch_1", "api_key", KEY),
            new TrustDecision(
                TrustLevel.RESTRICTED, TrustDecision.Outcome.ADMIN_APPROVED, "approved"),
            AuditOutcome.OK,
            null,
            Duration.ofMillis(120)),
        redactor);
    now = now.plusSeconds(60);
    writer.append(
        AuditEvent.sync(
            "github",
            "github_issues",
            AuditOutcome.ERROR,
            "401 for token " + KEY,
            Duration.ofSeconds(2)),
        redactor);
    now = now.plusSeconds(60);
    writer.append(
        AuditEvent.action(
                "stripe",
                "create_invoice",
                Map.of("customer", "cus_1"),
                new TrustDecision(TrustLevel.CONFIRM, TrustDecision.Outcome.DENIED, "no"),
                AuditOutcome.REFUSED,
                "refused",
                Duration.ZERO)
            .by("agent"),
        redactor);
  }

  @Test
  void entriesRecordWhoWhatWhenAndHowWithSecretsRedacted() throws Exception {
    appendSome();

    List<AuditEntry> entries = log.read(AuditQuery.recent());

    assertThat(entries).extracting(AuditEntry::seq).containsExactly(4L, 3L, 2L, 1L);
    AuditEntry refund = entries.get(2);
    assertThat(refund.pocket()).isEqualTo("my-business");
    assertThat(refund.kind()).isEqualTo(AuditKind.ACTION);
    assertThat(refund.target()).isEqualTo("create_refund");
    assertThat(refund.trustLevel()).isEqualTo("restricted");
    assertThat(refund.decision()).isEqualTo("admin_approved");
    assertThat(refund.durationMillis()).isEqualTo(120);
    assertThat(refund.actor()).isEqualTo("alice");
    assertThat(refund.parametersJson())
        .contains("\"charge\":\"ch_1\"", "\"api_key\":\"[redacted]\"");
    assertThat(entries.get(1).error()).isEqualTo("401 for token [redacted]");
    assertThat(entries.get(0).actor()).isEqualTo("agent");
    assertThat(entries.get(0).outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain(KEY));
  }

  @Test
  void readFiltersBySinceConnectorKindAndLimit() throws Exception {
    appendSome();

    assertThat(log.read(AuditQuery.recent().connector("github")))
        .extracting(AuditEntry::target)
        .containsExactly("github_issues");
    assertThat(log.read(AuditQuery.recent().kind(AuditKind.ACTION)))
        .extracting(AuditEntry::target)
        .containsExactly("create_invoice", "create_refund");
    assertThat(
            log.read(
                AuditQuery.recent()
                    .since(Instant.parse("2026-02-01T09:01:00Z"))
                    .connector("stripe")))
        .extracting(AuditEntry::seq)
        .containsExactly(4L, 2L);
    assertThat(log.read(AuditQuery.recent().limit(1)))
        .extracting(AuditEntry::seq)
        .containsExactly(4L);
  }

  @Test
  void anUntouchedTrailVerifies() throws Exception {
    appendSome();

    AuditLog.Verification result = log.verify();

    assertThat(result.intact()).isTrue();
    assertThat(result.rows()).isEqualTo(4);
    assertThat(result.headHash()).isEqualTo(log.read(AuditQuery.recent().limit(1)).get(0).hash());
  }

  @Test
  void theDatabaseRefusesUpdatesAndDeletes() throws Exception {
    appendSome();
    try (Connection c = PocketDatabase.open(pocket);
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE _paw_audit SET outcome = 'ok' WHERE seq = 4"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM _paw_audit WHERE seq = 2"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void verifyFindsAnEditedRow() throws Exception {
    appendSome();
    tamper("UPDATE _paw_audit SET outcome = 'ok', error = NULL WHERE seq = 3");

    AuditLog.Verification result = log.verify();

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadSeq()).isEqualTo(3);
    assertThat(result.problem()).contains("changed");
  }

  @Test
  void verifyFindsARowEditedTogetherWithItsHash() throws Exception {
    appendSome();
    AuditEntry second = log.read(AuditQuery.recent()).get(2);
    String forged =
        chain.link(
            second.previousHash(),
            AuditChain.canonical(
                new AuditEntry(
                    second.seq(),
                    second.time(),
                    second.pocket(),
                    second.connector(),
                    second.kind(),
                    "list_charges",
                    second.parametersJson(),
                    second.trustLevel(),
                    second.decision(),
                    second.outcome(),
                    second.error(),
                    second.durationMillis(),
                    second.actor(),
                    second.previousHash(),
                    null)));
    tamper("UPDATE _paw_audit SET target = 'list_charges', hash = '" + forged + "' WHERE seq = 2");

    assertThat(log.verify().firstBadSeq()).as("the next row no longer chains to it").isEqualTo(3);
  }

  @Test
  void verifyFindsADeletedRow() throws Exception {
    appendSome();
    tamper("DELETE FROM _paw_audit WHERE seq = 2");

    AuditLog.Verification result = log.verify();

    assertThat(result.firstBadSeq()).isEqualTo(3);
    assertThat(result.problem()).contains("deleted");
  }

  @Test
  void verifyFindsDeletedNewestRows() throws Exception {
    appendSome();
    tamper("DELETE FROM _paw_audit WHERE seq >= 3");

    AuditLog.Verification result = log.verify();

    assertThat(result.intact()).isFalse();
    assertThat(result.problem()).contains("rows 3 to 4 were deleted");
  }

  @Test
  void verifyFindsReorderedRows() throws Exception {
    appendSome();
    tamper("UPDATE _paw_audit SET seq = seq + 100 WHERE seq IN (2, 3)");
    tamper("UPDATE _paw_audit SET seq = 3 WHERE seq = 102");
    tamper("UPDATE _paw_audit SET seq = 2 WHERE seq = 103");

    AuditLog.Verification result = log.verify();

    assertThat(result.firstBadSeq()).isEqualTo(2);
  }

  @Test
  void appendsAfterVerificationKeepTheChain() throws Exception {
    appendSome();
    writer.append(
        AuditEvent.sync("stripe", "stripe_charges", AuditOutcome.OK, null, Duration.ofSeconds(1)),
        redactor);

    assertThat(log.verify().intact()).isTrue();
    assertThat(log.verify().rows()).isEqualTo(5);
  }

  @Test
  void deletingTheNewestRowsAndResettingTheCounterIsFoundThroughTheHeadFile() throws Exception {
    appendSome();
    tamper(
        "DELETE FROM _paw_audit WHERE seq >= 3",
        "UPDATE sqlite_sequence SET seq = 2 WHERE name = '_paw_audit'");

    AuditLog.Verification result = log.verify();

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadSeq()).isEqualTo(3);
    assertThat(result.problem())
        .isEqualTo(
            "rows 3 to 4 were deleted from the end of the trail (the head file "
                + pocket.auditHeadFile()
                + " records row 4)");
  }

  @Test
  void aWholeTrailRewrittenWithCorrectUnkeyedHashesIsFound() throws Exception {
    appendSome();
    tamper(
        "UPDATE _paw_audit SET outcome = 'ok', decision = 'approved', error = NULL WHERE seq = 4");
    rewriteChain(4, AuditChain::unkeyed);

    AuditLog.Verification result = log.verify();

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadSeq()).isEqualTo(4);
    assertThat(result.problem())
        .isEqualTo(
            "row 4 is not the row the head file "
                + pocket.auditHeadFile()
                + " records: the trail was rewritten or replaced");
  }

  @Test
  void aTrailRewrittenUnderAnotherKeyIsFoundAtItsFirstRow() throws Exception {
    appendSome();
    AuditChain forger =
        AuditChain.of(
            MasterKey.of(
                new byte[] {
                  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                  24, 25, 26, 27, 28, 29, 30, 31, 32
                }),
            pocket.slug());
    rewriteChain(4, forger::link);

    AuditLog.Verification result = log.verify();

    assertThat(result.firstBadSeq()).isEqualTo(1);
    assertThat(result.problem()).isEqualTo("row 1 was changed after it was written");
  }

  @Test
  void anExportedHeadFindsARollbackOfTheDatabaseAndTheHeadFileTogether() throws Exception {
    appendSome();
    AuditLog.Head exported = log.verify().head();
    tamper(
        "DELETE FROM _paw_audit WHERE seq >= 3",
        "UPDATE sqlite_sequence SET seq = 2 WHERE name = '_paw_audit'");
    AuditEntry second = log.read(AuditQuery.recent().limit(1)).get(0);
    Files.writeString(pocket.auditHeadFile(), new AuditLog.Head(2, second.hash()) + "\n");

    assertThat(log.verify().intact())
        .as("write access to both files: outside what the head file can show")
        .isTrue();
    AuditLog.Verification result = log.verify(exported);
    assertThat(result.intact()).isFalse();
    assertThat(result.problem())
        .isEqualTo(
            "rows 3 to 4 were deleted from the end of the trail (the exported head "
                + exported
                + " names row 4)");
  }

  @Test
  void aTrailWrittenBeforeTheChainWasKeyedStillVerifiesAndTheNextRowSealsIt() throws Exception {
    appendSome();
    rewriteChain(4, AuditChain::unkeyed); // what an older paw wrote: plain SHA-256 and no head file
    Files.delete(pocket.auditHeadFile());

    AuditLog.Verification old = log.verify();
    assertThat(old.intact()).isTrue();
    assertThat(old.unkeyedRows()).isEqualTo(4);

    writer.append(
        AuditEvent.sync("stripe", "stripe_charges", AuditOutcome.OK, null, Duration.ofSeconds(1)),
        redactor);
    AuditLog.Verification sealed = log.verify();
    assertThat(sealed.intact()).isTrue();
    assertThat(sealed.rows()).isEqualTo(5);
    assertThat(sealed.unkeyedRows()).isEqualTo(4);
    assertThat(sealed.head().hash()).startsWith("hmac:");

    tamper("UPDATE _paw_audit SET actor = 'someone else' WHERE seq = 2");
    rewriteChain(4, AuditChain::unkeyed);
    assertThat(log.verify().firstBadSeq())
        .as("the keyed row 5 covers the old rows' hashes")
        .isEqualTo(5);
  }

  /**
   * What someone who knows the hash format does after an edit: recomputes {@code prev_hash} and
   * {@code hash} of rows 1 to {@code upTo} with {@code hasher}, and resets nothing else.
   */
  private void rewriteChain(long upTo, java.util.function.BinaryOperator<String> hasher)
      throws Exception {
    List<AuditEntry> oldestFirst =
        new java.util.ArrayList<>(log.read(AuditQuery.recent().limit(1000)));
    java.util.Collections.reverse(oldestFirst);
    List<String> updates = new java.util.ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (AuditEntry e : oldestFirst) {
      if (e.seq() > upTo) {
        break;
      }
      String hash = hasher.apply(previous, AuditChain.canonical(e));
      updates.add(
          "UPDATE _paw_audit SET prev_hash = '"
              + previous
              + "', hash = '"
              + hash
              + "' WHERE seq = "
              + e.seq());
      previous = hash;
    }
    tamper(updates.toArray(String[]::new));
  }

  /**
   * What someone with the sqlite3 shell could do: drop the guards, change history, put the guards
   * back.
   */
  private void tamper(String... statements) throws Exception {
    try (Connection c = PocketDatabase.open(pocket);
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER _paw_audit_no_update");
      s.execute("DROP TRIGGER _paw_audit_no_delete");
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
    new Pockets(PawHome.at(home)).open("My Business"); // reopening restores the triggers
  }
}
