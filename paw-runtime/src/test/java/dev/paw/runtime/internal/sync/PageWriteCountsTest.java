package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.SyncResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a page's write stores and reports (inserted, updated, unchanged rows and the changed keys)
 * for the shapes a faster write path could get wrong: fresh pages of more than a hundred rows, a
 * key repeated within one page, pages mixing new, changed and unchanged rows, and tables without a
 * key. A multi-row insert was tried against these and dropped, as it did not pay
 * (docs/performance.md).
 */
class PageWriteCountsTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private SyncFixture fixture(String mode, String key) throws Exception {
    return new SyncFixture(
        """
        name: pagewrites
        auth: { method: none }
        actions:
          - { name: list_items, url: %s, trust_level: auto }
        sync:
          table: items
          source: list_items
          write_mode: %s
          %s
          mapping:
            sku: sku
            qty: { from: qty, type: integer }
            price: { from: price, type: number }
            note: note
        """
            .formatted(server.url("/items"), mode, key),
        dir.resolve("pocket.db"));
  }

  private void serve(String body) {
    server.enqueue(new MockResponse.Builder().body(body).build());
  }

  /** Items {@code from..to}: qty i, price i/4, a note with quotes and a null every seventh. */
  private static String items(int from, int to, int qtyOffset) {
    List<String> items = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      items.add(
          "{\"sku\":\"s%05d\",\"qty\":%d,\"price\":%s,\"note\":%s}"
              .formatted(
                  i, i + qtyOffset, i / 4.0, i % 7 == 0 ? "null" : "\"it's \\\"" + i + "\\\"\""));
    }
    return "[" + String.join(",", items) + "]";
  }

  @Test
  void aFreshPageLargerThanAChunkIsStoredExactlyWithEveryKeyReported() throws Exception {
    try (SyncFixture f = fixture("merge", "primary_key: sku")) {
      serve(items(1, 250, 0));
      SyncResult result = f.sync("items");
      assertThat(result.inserted()).isEqualTo(250);
      assertThat(result.updated()).isZero();
      assertThat(result.unchanged()).isZero();
      assertThat(f.count("items")).isEqualTo(250);
      assertThat(f.rows("SELECT sku, qty, price, note IS NULL FROM items WHERE sku = 's00007'"))
          .containsExactly(List.of("s00007", 7, 1.75, 1));
      assertThat(f.rows("SELECT sku, qty, price, note FROM items WHERE sku = 's00101'"))
          .containsExactly(List.of("s00101", 101, 25.25, "it's \"101\""));
      List<Object> changed = f.changes.get(0).changedKeys();
      assertThat(changed).hasSize(250).doesNotHaveDuplicates();
      assertThat(changed.get(0)).isEqualTo("s00001");
      assertThat(changed.get(249)).isEqualTo("s00250");
    }
  }

  @Test
  void aKeyRepeatedInOnePageCountsAsAnUpdateAndTheLastValueWins() throws Exception {
    try (SyncFixture f = fixture("merge", "primary_key: sku")) {
      serve(
          "[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2},{\"sku\":\"a\",\"qty\":3},"
              + "{\"sku\":\"c\",\"qty\":4}]");
      SyncResult result = f.sync("items");
      assertThat(result.inserted()).isEqualTo(3);
      assertThat(result.updated()).isEqualTo(1);
      assertThat(f.rows("SELECT sku, qty FROM items ORDER BY sku"))
          .containsExactly(List.of("a", 3), List.of("b", 2), List.of("c", 4));
      assertThat(f.changes.get(0).changedKeys()).containsExactly("a", "b", "a", "c");
    }
  }

  @Test
  void aPageMixingNewChangedAndUnchangedRowsIsCountedRowByRow() throws Exception {
    try (SyncFixture f = fixture("merge", "primary_key: sku")) {
      serve(items(1, 150, 0));
      f.sync("items");
      // 1..100 unchanged, 101..150 changed (qty + 1000 only there), 151..230 new
      String unchanged = items(1, 100, 0);
      String changed = items(101, 150, 1000);
      String fresh = items(151, 230, 0);
      serve(
          unchanged.substring(0, unchanged.length() - 1)
              + ","
              + changed.substring(1, changed.length() - 1)
              + ","
              + fresh.substring(1));
      SyncResult second = f.sync("items");
      assertThat(second.inserted()).isEqualTo(80);
      assertThat(second.updated()).isEqualTo(50);
      assertThat(second.unchanged()).isEqualTo(100);
      assertThat(f.count("items")).isEqualTo(230);
      assertThat(f.rows("SELECT qty FROM items WHERE sku IN ('s00100', 's00101', 's00230')"))
          .containsExactly(List.of(100), List.of(1101), List.of(230));
      assertThat(f.changes.get(f.changes.size() - 1).changedKeys())
          .hasSize(130)
          .contains("s00101", "s00230")
          .doesNotContain("s00100");
    }
  }

  @Test
  void anAppendTableWithoutAKeyKeepsEveryRowInOrder() throws Exception {
    try (SyncFixture f = fixture("append", "")) {
      serve(items(1, 120, 0));
      f.sync("items");
      serve(items(1, 120, 0));
      SyncResult second = f.sync("items");
      assertThat(second.inserted()).isEqualTo(120);
      assertThat(f.count("items")).isEqualTo(240);
      assertThat(f.rows("SELECT sku FROM items WHERE rowid IN (1, 120, 121, 240) ORDER BY rowid"))
          .containsExactly(
              List.of("s00001"), List.of("s00120"), List.of("s00001"), List.of("s00120"));
    }
  }
}
