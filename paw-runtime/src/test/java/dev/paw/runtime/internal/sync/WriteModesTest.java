package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.SyncResult;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merge keeps what the source no longer lists; replace removes it when the run completes; append
 * adds rows.
 */
class WriteModesTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private SyncFixture fixture(String mode, String key) throws Exception {
    return new SyncFixture(
        """
        name: modes
        auth: { method: none }
        actions:
          - { name: list_items, url: %s, trust_level: auto }
        sync:
          table: items
          source: list_items
          write_mode: %s
          %s
          mapping: { sku: sku, qty: { from: qty, type: integer } }
        """
            .formatted(server.url("/items"), mode, key),
        dir.resolve("pocket.db"));
  }

  private List<mockwebserver3.RecordedRequest> requests() throws InterruptedException {
    List<mockwebserver3.RecordedRequest> requests = new java.util.ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      requests.add(server.takeRequest());
    }
    return requests;
  }

  private void serve(String body) {
    server.enqueue(new MockResponse.Builder().body(body).build());
  }

  @Test
  void replaceDeletesRowsTheSourceNoLongerHasWhenTheRunCompletes() throws Exception {
    try (SyncFixture f = fixture("replace", "primary_key: sku")) {
      serve("[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2},{\"sku\":\"c\",\"qty\":3}]");
      f.sync("items");
      serve("[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"c\",\"qty\":30}]");
      SyncResult second = f.sync("items");
      assertThat(second.deleted()).isEqualTo(1);
      assertThat(second.updated()).isEqualTo(1);
      assertThat(second.unchanged()).isEqualTo(1);
      assertThat(f.rows("SELECT sku, qty FROM items ORDER BY sku"))
          .containsExactly(List.of("a", 1), List.of("c", 30));
      assertThat(f.rows("SELECT name FROM sqlite_master WHERE name LIKE '_paw_seen%'")).isEmpty();
      assertThat(f.changes.get(f.changes.size() - 1).deleted()).isEqualTo(1);
    }
  }

  /** A replace stream over cursor-paged lists. */
  private SyncFixture pagedReplace() throws Exception {
    return new SyncFixture(
        """
        name: modes
        auth: { method: none }
        actions:
          - name: list_items
            url: %s
            trust_level: auto
            records: data
            pagination: { style: cursor, param: starting_after, from: sku, has_more: has_more }
        sync:
          table: items
          source: list_items
          write_mode: replace
          primary_key: sku
          mapping: { sku: sku, qty: { from: qty, type: integer } }
        """
            .formatted(server.url("/items")),
        dir.resolve("pocket.db"));
  }

  @Test
  void aFirstListingIntoAnEmptyTableRecordsNoKeysAndStillResumesAndLaterRemoves() throws Exception {
    try (SyncFixture f = pagedReplace()) {
      serve("{\"data\":[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2}],\"has_more\":true}");
      server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
      assertThat(f.sync("items").complete()).isFalse();
      assertThat(f.rows("SELECT name FROM sqlite_master WHERE name LIKE '_paw_%items'"))
          .containsExactly(List.of("_paw_new_items"));

      serve("{\"data\":[{\"sku\":\"c\",\"qty\":3},{\"sku\":\"d\",\"qty\":4}],\"has_more\":false}");
      SyncResult resumed = f.sync("items");

      assertThat(resumed.complete()).isTrue();
      assertThat(resumed.inserted()).isEqualTo(4);
      assertThat(resumed.deleted()).isZero();
      assertThat(requests())
          .extracting(r -> r.getUrl().queryParameter("starting_after"))
          .containsExactly(null, "b", "b");
      assertThat(f.rows("SELECT sku FROM items ORDER BY sku"))
          .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
      assertThat(f.rows("SELECT name FROM sqlite_master WHERE name LIKE '_paw_%items'")).isEmpty();

      serve("{\"data\":[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"d\",\"qty\":4}],\"has_more\":false}");
      SyncResult next = f.sync("items");
      assertThat(next.deleted()).isEqualTo(2);
      assertThat(f.rows("SELECT sku FROM items ORDER BY sku"))
          .containsExactly(List.of("a"), List.of("d"));
    }
  }

  @Test
  void replaceOverManyPagesRemembersWhatItSawAcrossAnInterruption() throws Exception {
    try (SyncFixture f = pagedReplace()) {
      serve("{\"data\":[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2}],\"has_more\":true}");
      serve("{\"data\":[{\"sku\":\"c\",\"qty\":3},{\"sku\":\"d\",\"qty\":4}],\"has_more\":false}");
      assertThat(f.sync("items").inserted()).isEqualTo(4);

      serve("{\"data\":[{\"sku\":\"a\",\"qty\":1}],\"has_more\":true}");
      serve("{\"data\":[{\"sku\":\"c\",\"qty\":3}],\"has_more\":true}");
      server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
      assertThat(f.sync("items").complete()).isFalse();
      assertThat(f.count("items")).isEqualTo(4);

      serve("{\"data\":[{\"sku\":\"d\",\"qty\":40}],\"has_more\":false}");
      SyncResult resumed = f.sync("items");

      assertThat(resumed.complete()).isTrue();
      assertThat(resumed.deleted()).isEqualTo(1);
      assertThat(f.rows("SELECT sku, qty FROM items ORDER BY sku"))
          .containsExactly(List.of("a", 1), List.of("c", 3), List.of("d", 40));
      assertThat(f.rows("SELECT name FROM sqlite_master WHERE name LIKE '_paw_seen%'")).isEmpty();
    }
  }

  @Test
  void mergeKeepsRowsTheSourceNoLongerLists() throws Exception {
    try (SyncFixture f = fixture("merge", "primary_key: sku")) {
      serve("[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2}]");
      f.sync("items");
      serve("[{\"sku\":\"a\",\"qty\":5}]");
      SyncResult second = f.sync("items");
      assertThat(second.deleted()).isZero();
      assertThat(f.rows("SELECT sku, qty FROM items ORDER BY sku"))
          .containsExactly(List.of("a", 5), List.of("b", 2));
    }
  }

  @Test
  void appendWithoutAKeyAddsEveryRecordEveryRun() throws Exception {
    try (SyncFixture f = fixture("append", "")) {
      serve("[{\"sku\":\"a\",\"qty\":1}]");
      f.sync("items");
      serve("[{\"sku\":\"a\",\"qty\":1}]");
      f.sync("items");
      assertThat(f.count("items")).isEqualTo(2);
    }
  }

  @Test
  void appendWithAKeyNeverRewritesAStoredRow() throws Exception {
    try (SyncFixture f = fixture("append", "primary_key: sku")) {
      serve("[{\"sku\":\"a\",\"qty\":1}]");
      f.sync("items");
      serve("[{\"sku\":\"a\",\"qty\":9},{\"sku\":\"b\",\"qty\":2}]");
      SyncResult second = f.sync("items");
      assertThat(second.inserted()).isEqualTo(1);
      assertThat(second.unchanged()).isEqualTo(1);
      assertThat(f.rows("SELECT sku, qty FROM items ORDER BY sku"))
          .containsExactly(List.of("a", 1), List.of("b", 2));
    }
  }
}
