package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.SyncResult;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that must not lose, sweep or stall: an error answered with 200, sync tokens with append,
 * cursors that are numbers written as text, a commit that fails, and a run resumed after its
 * connector file changed.
 */
class SyncEdgeCasesTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private void serve(String body) {
    server.enqueue(new MockResponse.Builder().body(body).build());
  }

  private SyncFixture fixture(String streamSettings) throws Exception {
    return fixture(streamSettings, false);
  }

  private SyncFixture fixture(String streamSettings, boolean recordsOptional) throws Exception {
    return new SyncFixture(
        """
        name: edge
        auth: { method: none }
        actions:
          - name: list_items
            url: %s
            trust_level: auto
            params: { since: { type: string }, syncToken: { type: string } }
            records: items
            records_optional: %s
            pagination: { style: token, param: pageToken, path: next }
        sync:
          table: items
          source: list_items
          primary_key: sku
          %s
          mapping: { sku: sku, qty: { from: qty, type: integer }, at: at }
        """
            .formatted(server.url("/items"), recordsOptional, streamSettings),
        dir.resolve("pocket.db"));
  }

  @Test
  void anErrorAnsweredWith200NeverPassesForAnEmptyListingInARunThatSweeps() throws Exception {
    try (SyncFixture f = fixture("write_mode: replace", true)) {
      serve("{\"items\": [{\"sku\": \"a\", \"qty\": 1}, {\"sku\": \"b\", \"qty\": 2}]}");
      assertThat(f.sync("items").error()).isNull();

      serve("{\"ok\": false, \"error\": \"ratelimited\"}");
      SyncResult result = f.sync("items");

      assertThat(result.complete()).isFalse();
      assertThat(result.error())
          .isEqualTo(
              "page 1 holds no records at the 'records' path, and this run removes what"
                  + " the source no longer lists");
      assertThat(f.rows("SELECT sku FROM items ORDER BY sku"))
          .containsExactly(List.of("a"), List.of("b"));
    }
  }

  @Test
  void withoutRecordsOptionalAPageWithoutItsRecordsFieldFailsTheRun() throws Exception {
    try (SyncFixture f = fixture("write_mode: merge")) {
      serve("{\"items\": [{\"sku\": \"a\", \"qty\": 1}], \"next\": \"2\"}");
      serve("{\"ok\": false, \"error\": \"ratelimited\"}");
      SyncResult result = f.sync("items");
      assertThat(result.complete()).isFalse();
      assertThat(result.error()).isEqualTo("page 2 holds no records at the 'records' path");
      assertThat(f.rows("SELECT sku FROM items")).containsExactly(List.of("a"));
    }
  }

  @Test
  void withRecordsOptionalAMergeRunTakesALeftOutRecordsFieldAsAnEmptyLastPage() throws Exception {
    try (SyncFixture f = fixture("write_mode: merge", true)) {
      serve("{\"items\": [{\"sku\": \"a\", \"qty\": 1}], \"next\": \"2\"}");
      serve("{\"resultSizeEstimate\": 0}");
      SyncResult result = f.sync("items");
      assertThat(result.error()).isNull();
      assertThat(result.complete()).isTrue();
      assertThat(f.rows("SELECT sku FROM items")).containsExactly(List.of("a"));
    }
  }

  @Test
  void aFullRunAfterAnExpiredTokenKeepsAnAppendStreamsHistory() throws Exception {
    try (SyncFixture f =
        fixture("write_mode: append\n  incremental: { token: nextSyncToken, param: syncToken }")) {
      serve(
          "{\"items\": [{\"sku\": \"a\", \"qty\": 1}, {\"sku\": \"b\", \"qty\": 2}], \"nextSyncToken\": \"t1\"}");
      f.sync("items");
      server.enqueue(
          new MockResponse.Builder().code(410).body("{\"error\": {\"code\": 410}}").build());
      serve("{\"items\": [{\"sku\": \"c\", \"qty\": 3}], \"nextSyncToken\": \"t2\"}");

      SyncResult result = f.sync("items");

      assertThat(result.error()).isNull();
      assertThat(result.deleted()).isZero();
      assertThat(f.rows("SELECT sku FROM items ORDER BY sku"))
          .containsExactly(List.of("a"), List.of("b"), List.of("c"));
    }
  }

  @Test
  void digitStringCursorsOrderAsNumbersSoAnOldRecordCannotFreezeTheCursor() throws Exception {
    try (SyncFixture f = fixture("incremental: { cursor: at, param: since }")) {
      // Gmail's internalDate: milliseconds as a string; the 12-digit one is from the year 2000
      serve(
          "{\"items\": [{\"sku\": \"new\", \"at\": \"1795000000000\"}, {\"sku\": \"old\", \"at\": \"946684800000\"}]}");
      f.sync("items");
      server.takeRequest();
      serve("{\"items\": []}");

      f.sync("items");

      RecordedRequest second = server.takeRequest();
      assertThat(second.getUrl().queryParameter("since")).isEqualTo("1795000000000");
    }
  }

  @Test
  void aRunInterruptedBeforeItsFileTurnedToReplaceStartsOverInsteadOfFailingForever()
      throws Exception {
    try (SyncFixture merge = fixture("write_mode: merge")) {
      serve("{\"items\": [{\"sku\": \"a\", \"qty\": 1}], \"next\": \"2\"}");
      server.enqueue(new MockResponse.Builder().code(500).body("{}").build());
      assertThat(merge.sync("items").complete()).isFalse();
    }
    try (SyncFixture replace = fixture("write_mode: replace")) {
      serve("{\"items\": [{\"sku\": \"b\", \"qty\": 2}]}");

      SyncResult result = replace.sync("items");

      assertThat(result.error()).isNull();
      assertThat(result.complete()).isTrue();
      assertThat(replace.rows("SELECT sku FROM items")).containsExactly(List.of("b"));
    }
  }

  @Test
  void aCommitThatFailsEndsTheRunWithItsReasonRecordedAndTheNextRunResumes() throws Exception {
    try (SyncFixture f = fixture("write_mode: merge")) {
      serve("{\"items\": [{\"sku\": \"a\", \"qty\": 1}], \"next\": \"2\"}");
      serve("{\"items\": [{\"sku\": \"b\", \"qty\": 2}]}");
      f.afterCommit =
          change -> {
            try (var s = f.db.createStatement()) {
              // the next page's insert fails inside its transaction, as a full disk or a broken
              // table would
              s.execute(
                  "CREATE TRIGGER refuse BEFORE INSERT ON items WHEN NEW.sku = 'b' BEGIN"
                      + " SELECT RAISE(ABORT, 'disk full (simulated)'); END");
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
            f.afterCommit = c -> {};
          };

      SyncResult failed = f.sync("items");

      assertThat(failed.complete()).isFalse();
      assertThat(failed.error())
          .contains("disk full (simulated)")
          .doesNotContain("could not start");
      assertThat(f.rows("SELECT last_outcome, last_error FROM _paw_sync_state"))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.get(0)).isEqualTo("error");
                assertThat((String) row.get(1)).contains("disk full (simulated)");
              });
      f.rows("SELECT 1"); // the connection still works
      try (var s = f.db.createStatement()) {
        s.execute("DROP TRIGGER refuse");
      }
      serve("{\"items\": [{\"sku\": \"b\", \"qty\": 2}]}");
      assertThat(f.sync("items").error()).isNull();
      assertThat(f.rows("SELECT sku FROM items ORDER BY sku"))
          .containsExactly(List.of("a"), List.of("b"));
    }
  }
}
