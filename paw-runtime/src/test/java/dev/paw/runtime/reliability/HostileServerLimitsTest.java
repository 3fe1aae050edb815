package dev.paw.runtime.reliability;

import static dev.paw.runtime.SyncOutcomes.failure;
import static dev.paw.runtime.SyncOutcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.GeneratedBodies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile API server against the runtime's limits, through Paw as a caller would use it: an
 * action answer far over its limit, a sync page far over its limit, a gzip bomb, a body dripped a
 * byte at a time, a page that outlasts the call timeout, page-number pagination that repeats its
 * page forever, and one that never stops. Each must stop with an error naming the limit and how to
 * raise it, within a small multiple of the configured limit (the budgets are generous for a loaded
 * machine; without the limits each case runs for a long time or forever), and a sync must keep what
 * it committed before and resume from there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileServerLimitsTest {

  private static final String CONNECTOR =
      """
      name: pages
      display_name: Paged API (limit tests)
      base_url: https://pages.example/v1
      auth: { method: none }
      actions:
        - name: list_items
          url: /items
          trust_level: auto
          pagination: { style: page, param: page, start: 1, size_param: per_page, size: 2 }
        - name: get_item
          url: /items/{id}
          params:
            id: { type: integer, required: true }
          trust_level: auto
        - name: download
          url: /download
          trust_level: auto
      sync:
        - table: items
          source: list_items
          primary_key: id
          mapping: { id: { from: id, type: integer }, name: name }
        - table: item_details
          source: list_items
          each:
            action: get_item
            params: { id: "{id}" }
          primary_key: id
          mapping: { id: { from: id, type: integer }, name: name }
        - table: item_log
          source: list_items
          write_mode: append
          mapping: { item: { from: id, type: integer }, name: name }
      """;
  private static final int MIB = 1 << 20;

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private volatile Function<RecordedRequest, MockResponse> answer =
      r -> new MockResponse.Builder().code(404).build();
  private final List<String> pagesAsked = Collections.synchronizedList(new ArrayList<>());
  private Paw paw;
  private Pocket pocket;
  private ConnectorProtocol pages;

  private void start(RuntimeLimits limits) throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            if (request.getUrl().encodedPath().endsWith("/items")) {
              pagesAsked.add(request.getUrl().queryParameter("page"));
            }
            return answer.apply(request);
          }
        });
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("pages.yaml"), CONNECTOR);
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .settings(
                new RuntimeSettings(
                    RuntimeSettings.Retry.defaults(), Map.of(), Clock.systemUTC(), d -> {}))
            .limits(limits)
            .actor("limits-test")
            .build();
    pocket = paw.pocket("Limits");
    pages = paw.connector(pocket, "pages");
    pages
        .connect(ConnectOptions.baseUrl(server.url("/v1").toString()))
        .toCompletableFuture()
        .join();
  }

  @AfterEach
  void tearDown() {
    if (paw != null) {
      paw.close();
    }
  }

  /**
   * Limits small enough for a test: 1 MiB answers and pages; the rest as configured by each test.
   */
  private static RuntimeLimits small() {
    return RuntimeLimits.defaults().withMaxActionBytes(MIB).withMaxPageBytes(MIB);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** Items {@code from} to {@code to} as a page. */
  private static String items(int from, int to) {
    StringBuilder out = new StringBuilder("[");
    for (int i = from; i <= to; i++) {
      out.append(i > from ? "," : "")
          .append("{\"id\":")
          .append(i)
          .append(",\"name\":\"item ")
          .append(i)
          .append("\"}");
    }
    return out.append(']').toString();
  }

  /** The honest page {@code page} of 2 items, of 6 in all. */
  private static MockResponse honestPage(RecordedRequest request) {
    int page = Integer.parseInt(String.valueOf(request.getUrl().queryParameter("page")));
    return json(page > 3 ? "[]" : items(2 * page - 1, 2 * page));
  }

  private ActionFailedException download() {
    Throwable error =
        catchThrowable(() -> pages.execute("download", Map.of()).toCompletableFuture().join());
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    assertThat(cause).isInstanceOf(ActionFailedException.class);
    return (ActionFailedException) cause;
  }

  private List<Long> storedIds() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("home/pockets/limits/pocket.db"));
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM items ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private AuditEntry lastAudit(AuditKind kind) throws Exception {
    return paw.audit(pocket).read(AuditQuery.recent().kind(kind).limit(1)).get(0);
  }

  @Test
  void anOversizedActionAnswerStopsAtTheActionLimit() throws Exception {
    start(small());
    answer = r -> GeneratedBodies.records(3L * MIB, 1);

    long started = System.nanoTime();
    ActionFailedException failed = download();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failed.getMessage())
        .contains(
            "action 'download' of connector 'pages' failed: the action answer is"
                + " larger than the 1 MiB limit")
        .contains("PAW_MAX_ACTION_BYTES");
    assertThat(took)
        .as("stopped at the limit, not after reading 3 MiB slowly")
        .isLessThan(Duration.ofSeconds(10));
    AuditEntry audited = lastAudit(AuditKind.ACTION);
    assertThat(audited.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(audited.error()).contains("larger than the 1 MiB limit");
  }

  @Test
  void aDeclaredOversizedAnswerFailsBeforeItIsRead() throws Exception {
    start(small());
    answer =
        r -> new MockResponse.Builder().body(new okio.Buffer().write(new byte[3 * MIB])).build();

    assertThat(download().getMessage())
        .contains(
            "the action answer is larger than the 1 MiB limit (it declares "
                + (3 * MIB)
                + " bytes)");
  }

  @Test
  void aGzipBombStopsAtTheLimitQuickly() throws Exception {
    start(small());
    okio.Buffer bomb = GeneratedBodies.gzipBomb(64L * MIB);
    assertThat(bomb.size()).as("the bomb is small on the wire").isLessThan(MIB);
    answer =
        r ->
            new MockResponse.Builder()
                .addHeader("Content-Encoding", "gzip")
                .body(bomb.clone())
                .build();

    long started = System.nanoTime();
    ActionFailedException failed = download();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failed.getMessage())
        .contains("the action answer is larger than the 1 MiB limit (it goes on past" + " it)");
    assertThat(took).as("inflating stopped at 1 MiB, not 64 MiB").isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aBodyDrippedSlowlyFailsAtTheMinimumTransferRate() throws Exception {
    start(small().withMinTransferRate(1024, Duration.ofSeconds(1)));
    // 20 bytes a second: 200 bytes would take 10 s, each read well within the read timeout
    answer =
        r ->
            new MockResponse.Builder()
                .body("x".repeat(200))
                .throttleBody(1, 50, TimeUnit.MILLISECONDS)
                .build();

    long started = System.nanoTime();
    ActionFailedException failed = download();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failed.getMessage())
        .contains("the action answer arrived too slowly: ")
        .contains("under the minimum of 1024 bytes per 1 s")
        .contains("PAW_MIN_TRANSFER_BYTES");
    assertThat(took).as("failed after about one window of 1 s").isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void aPageThatOutlastsTheCallTimeoutFailsWithoutRetrying() throws Exception {
    start(
        small()
            .withMinTransferRate(0, Duration.ofSeconds(1))
            .withCallTimeout(Duration.ofSeconds(2)));
    answer =
        r ->
            new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(items(1, 2))
                .throttleBody(1, 100, TimeUnit.MILLISECONDS)
                .build(); // about 6 s

    long started = System.nanoTime();
    SyncResult result = failure(pages.sync("items"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.error())
        .contains("page 1: the request took longer than the 2 s limit on one request")
        .contains("PAW_CALL_TIMEOUT_SECONDS");
    assertThat(took)
        .as("stopped at the call timeout, not after the body or five attempts")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(pagesAsked).as("asked once").hasSize(1);
  }

  @Test
  void anOversizedSyncPageStopsAtThePageLimitAndTheNextRunResumesThere() throws Exception {
    start(small());
    answer =
        r ->
            "2".equals(r.getUrl().queryParameter("page"))
                ? GeneratedBodies.records(3L * MIB, 3)
                : honestPage(r);

    long started = System.nanoTime();
    SyncResult failed = failure(pages.sync("items"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failed.complete()).isFalse();
    assertThat(failed.error())
        .contains("page 2: the sync page is larger than the 1 MiB limit")
        .contains("PAW_MAX_PAGE_BYTES");
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(pagesAsked).as("the oversized page is not asked again").containsExactly("1", "2");
    assertThat(storedIds()).as("page 1 kept, nothing of page 2").containsExactly(1L, 2L);
    assertThat(lastAudit(AuditKind.SYNC).error()).contains("larger than the 1 MiB limit");

    answer = HostileServerLimitsTest::honestPage;
    pagesAsked.clear();
    SyncResult resumed = pages.sync("items").toCompletableFuture().join();

    assertThat(resumed.complete()).as("%s", resumed.error()).isTrue();
    assertThat(pagesAsked.get(0)).as("the rerun starts at page 2").isEqualTo("2");
    assertThat(storedIds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void aChildRequestOverTheLimitFailsTheRunWithoutRetrying() throws Exception {
    start(small());
    okio.Buffer bomb = GeneratedBodies.gzipBomb(16L * MIB, (byte) ' ');
    List<String> children = Collections.synchronizedList(new ArrayList<>());
    answer =
        r -> {
          if (r.getUrl().encodedPath().endsWith("/items")) {
            return honestPage(r);
          }
          children.add(r.getUrl().encodedPath());
          return new MockResponse.Builder()
              .addHeader("Content-Encoding", "gzip")
              .body(bomb.clone())
              .build();
        };

    SyncResult failed = failure(pages.sync("item_details"));

    assertThat(failed.error())
        .contains("the 'get_item' request for record #")
        .contains(" on page 1: the action" + " answer is larger than the 1 MiB limit");
    assertThat(children.stream().filter(path -> path.endsWith("/items/1")).count())
        .as("not asked again")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void pageNumberPaginationThatRepeatsItsPageIsStopped() throws Exception {
    start(small());
    answer = r -> json(items(1, 2)); // whatever page is asked for

    long started = System.nanoTime();
    SyncResult failed = failure(pages.sync("items"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failed.error())
        .startsWith(
            "page 2 holds the same records as page 1 (2 records from 1 to 2); the"
                + " server repeats its pages");
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(pagesAsked.size()).as("page 3 at most was asked for ahead").isLessThanOrEqualTo(3);
    assertThat(storedIds()).containsExactly(1L, 2L);
  }

  @Test
  void aRepeatedPageOfAStreamWithoutAKeyIsKnownByItsRecordsValues() throws Exception {
    start(small());
    answer = r -> json(items(1, 2)); // whatever page is asked for

    SyncResult failed = failure(pages.sync("item_log"));

    assertThat(failed.error())
        .startsWith(
            "page 2 holds the same records as page 1 (2 records from [1, item 1] to"
                + " [2, item 2]); the server repeats its pages");
  }

  @Test
  void paginationThatNeverEndsStopsAtThePageCapAndTheNextRunResumes() throws Exception {
    start(small().withMaxPages(5));
    answer =
        r -> {
          int page = Integer.parseInt(String.valueOf(r.getUrl().queryParameter("page")));
          return json(items(2 * page - 1, 2 * page)); // a new full page, always
        };

    SyncResult capped = failure(pages.sync("items"));

    assertThat(capped.complete()).isFalse();
    assertThat(capped.error())
        .isEqualTo(
            "stopped after 5 pages, the limit on one sync run; the next sync resumes"
                + " here (raise the limit with PAW_MAX_PAGES (or RuntimeLimits on PawBuilder))");
    assertThat(pagesAsked).containsExactly("1", "2", "3", "4", "5");
    assertThat(storedIds()).hasSize(10);

    pagesAsked.clear();
    resultOf(pages.sync("items"));

    assertThat(pagesAsked).as("the next run goes on from page 6").startsWith("6");
  }
}
