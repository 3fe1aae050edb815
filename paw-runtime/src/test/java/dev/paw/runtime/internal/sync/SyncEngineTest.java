package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.SyncResult;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncs Stripe-shaped pages from a local server into a real SQLite file, with cursor paging. */
class SyncEngineTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private SyncFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    fixture =
        new SyncFixture(
            """
        name: shop
        auth: { method: none }
        actions:
          - name: list_customers
            url: %s
            params:
              limit: { type: integer, default: 10 }
            trust_level: auto
            records: data
            pagination: { style: cursor, param: starting_after, from: id, has_more: has_more, size_param: limit, size: 100 }
        sync:
          table: customers
          source: list_customers
          incremental: { cursor: created, param: "created[gte]" }
          mapping:
            id: { from: id, type: string }
            email: { from: email, type: string }
            created: { from: created, type: integer }
            balance: { from: balance, type: integer }
            seq: metadata.seq
        """
                .formatted(server.url("/v1/customers")),
            dir.resolve("pocket.db"));
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  private void enqueue(String body) {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  @Test
  void pagesThroughEveryPageAndStoresEachRecordOnce() throws Exception {
    enqueue(SyncFixture.customers(1, 100, true));
    enqueue(SyncFixture.customers(101, 200, true));
    enqueue(SyncFixture.customers(201, 250, false));

    SyncResult result = fixture.sync("customers");

    assertThat(result.error()).isNull();
    assertThat(result.complete()).isTrue();
    assertThat(result.inserted()).isEqualTo(250);
    assertThat(result.pages()).isEqualTo(3);
    assertThat(fixture.count("customers")).isEqualTo(250);
    assertThat(
            fixture.rows(
                "SELECT id, email, created, balance, seq FROM customers WHERE id = 'cus_7'"))
        .containsExactly(List.of("cus_7", "user7@example.com", 1_700_000_007, 7, "7"));
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(first.getUrl().queryParameter("starting_after")).isNull();
    assertThat(server.takeRequest().getUrl().queryParameter("starting_after")).isEqualTo("cus_100");
    assertThat(server.takeRequest().getUrl().queryParameter("starting_after")).isEqualTo("cus_200");
    assertThat(fixture.changes).hasSize(3);
    assertThat(fixture.changes.get(2).runComplete()).isTrue();
    assertThat(fixture.changes.get(0).changedKeys()).hasSize(100).startsWith("cus_1");
  }

  @Test
  void thePagesAfterOneAreRequestedWhileItIsWrittenAFewAtMost() throws Exception {
    for (int first = 1; first <= 501; first += 100) {
      enqueue(SyncFixture.customers(first, first + 99, first < 501));
    }
    int ahead =
        Lookahead.WAITING + 1; // read and waiting, and one more read but not yet handed over
    List<Integer> requestsAtCommit = new java.util.ArrayList<>();
    fixture.afterCommit =
        change -> {
          if (requestsAtCommit.isEmpty()) {
            // without fetching ahead the next request waits for this listener to return, and this
            // waits the whole deadline; then a while longer, to see that the fetching stops
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (server.getRequestCount() < 1 + ahead && System.nanoTime() < deadline) {
              java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(300_000_000);
          }
          requestsAtCommit.add(server.getRequestCount());
        };

    SyncResult result = fixture.sync("customers");

    assertThat(result.inserted()).isEqualTo(600);
    assertThat(requestsAtCommit).first().isEqualTo(1 + ahead);
    assertThat(requestsAtCommit).hasSize(6).isSorted().last().isEqualTo(6);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void aSecondRunFiltersFromTheHighestCursorAndDuplicatesNothing() throws Exception {
    enqueue(SyncFixture.customers(1, 3, false));
    fixture.sync("customers");
    server.takeRequest();
    // The server returns the boundary record again (created >= cursor), one changed record and a
    // new one.
    enqueue(
        "{\"data\":["
            + SyncFixture.customer(3, "user3@example.com", 1_700_000_003L)
            + ","
            + SyncFixture.customer(2, "changed@example.com", 1_700_000_003L)
            + ","
            + SyncFixture.customer(4, "user4@example.com", 1_700_000_004L)
            + "],\"has_more\":false}");

    SyncResult second = fixture.sync("customers");

    assertThat(server.takeRequest().getUrl().queryParameter("created[gte]"))
        .isEqualTo("1700000003");
    assertThat(second.inserted()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(fixture.rows("SELECT id, email FROM customers ORDER BY id"))
        .containsExactly(
            List.of("cus_1", "user1@example.com"), List.of("cus_2", "changed@example.com"),
            List.of("cus_3", "user3@example.com"), List.of("cus_4", "user4@example.com"));
    assertThat(fixture.state("customers").cursor()).isEqualTo("1700000004");
  }

  @Test
  void aFailedPageKeepsEarlierPagesAndTheNextRunResumesAfterThem() throws Exception {
    enqueue(SyncFixture.customers(1, 100, true));
    server.enqueue(
        new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"boom\"}}").build());

    SyncResult failed = fixture.sync("customers");

    assertThat(failed.complete()).isFalse();
    assertThat(failed.error()).contains("answered 500").contains("boom");
    assertThat(fixture.count("customers")).isEqualTo(100);
    assertThat(fixture.state("customers").inProgress()).isTrue();

    enqueue(SyncFixture.customers(101, 150, false));
    SyncResult resumed = fixture.sync("customers");

    server.takeRequest();
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameter("starting_after")).isEqualTo("cus_100");
    assertThat(resumed.complete()).isTrue();
    assertThat(resumed.inserted()).isEqualTo(150);
    assertThat(fixture.count("customers")).isEqualTo(150);
    assertThat(fixture.rows("SELECT count(DISTINCT id) FROM customers").get(0).get(0))
        .isEqualTo(150);
  }

  @Test
  void aRecordOfTheWrongTypeRollsBackItsPageAndNamesRecordAndField() throws Exception {
    enqueue(SyncFixture.customers(1, 100, true));
    enqueue(
        "{\"data\":["
            + SyncFixture.customer(101, "a@b.c", 1)
            + ","
            + "{\"id\":\"cus_102\",\"email\":\"x@y.z\",\"created\":\"yesterday\"}],\"has_more\":false}");

    SyncResult result = fixture.sync("customers");

    assertThat(result.error())
        .isEqualTo(
            "record #2 on page 2: field 'created': expected an integer, found the"
                + " string 'yesterday'");
    assertThat(fixture.count("customers")).isEqualTo(100);
    assertThat(fixture.rows("SELECT id FROM customers WHERE id = 'cus_101'")).isEmpty();
  }

  @Test
  void aRecordWithoutItsPrimaryKeyIsRefused() throws Exception {
    enqueue("{\"data\":[{\"email\":\"nokey@example.com\",\"created\":1}],\"has_more\":false}");

    SyncResult result = fixture.sync("customers");

    assertThat(result.error()).isEqualTo("record #1 on page 1 has no 'id' (its primary key 'id')");
    assertThat(fixture.count("customers")).isZero();
  }

  @Test
  void aBodyCutShortIsFetchedAgain() throws Exception {
    enqueue("{\"data\":[{\"id\":\"cus_1\",\"created\":1},{\"id\":\"cus_");
    enqueue(SyncFixture.customers(1, 2, false));

    SyncResult result = fixture.sync("customers");

    assertThat(result.error()).isNull();
    assertThat(fixture.count("customers")).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(fixture.sleeps).hasSize(1);
  }

  @Test
  void aBodyThatIsNeverJsonFailsAfterBoundedAttempts() throws Exception {
    for (int i = 0; i < SyncEngine.PAGE_ATTEMPTS; i++) {
      enqueue("<html>maintenance</html>");
    }

    SyncResult result = fixture.sync("customers");

    assertThat(result.error()).startsWith("page 1 is not valid JSON");
    assertThat(server.getRequestCount()).isEqualTo(SyncEngine.PAGE_ATTEMPTS);
  }
}
