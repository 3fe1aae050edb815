package dev.paw.runtime.reliability;

import static dev.paw.runtime.SyncOutcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.Records;
import dev.paw.runtime.testing.RecordsApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile API data through the whole runtime: page 1 is good, page 2 is not JSON, has values of the
 * wrong type, strings over the safety limit, nesting past the limit, records without their primary
 * key. The run must fail with an error that names the page, the record and the field; page 2 must
 * be rolled back whole (its good first record included); page 1's rows must stay exactly as they
 * were; and once the API answers properly, the next run must resume at page 2 (page 1 is not
 * fetched again) and end with exactly the source.
 */
class HostileApiDataTest {

  private static final int PAGE_SIZE = 3;
  private static final int RECORDS = 8;

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private volatile byte[] hostilePage;
  private final List<String> afters = Collections.synchronizedList(new ArrayList<>());
  private Paw paw;
  private Pocket pocket;
  private ConnectorProtocol records;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            String after = request.getUrl().queryParameter("after");
            afters.add(String.valueOf(after));
            byte[] body =
                Records.id(PAGE_SIZE).equals(after) && hostilePage != null
                    ? hostilePage
                    : page(after).getBytes(StandardCharsets.UTF_8);
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(new Buffer().write(body))
                .build();
          }
        });
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("records.yaml"), Records.connector(PAGE_SIZE));
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .settings(
                new RuntimeSettings(
                    RuntimeSettings.Retry.defaults(), Map.of(), Clock.systemUTC(), d -> {}))
            .actor("hostile-test")
            .build();
    pocket = paw.pocket("Hostile");
    paw.credentials(pocket, "records").put("RECORDS_KEY", Secret.of(RecordsApi.API_KEY));
    records = paw.connector(pocket, "records");
    records
        .connect(ConnectOptions.baseUrl(server.url("/v1").toString()))
        .toCompletableFuture()
        .join();
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  /** The honest page after {@code after}. */
  private static String page(String after) {
    int from = after == null ? 1 : Integer.parseInt(after.substring(4)) + 1;
    int to = Math.min(RECORDS, from + PAGE_SIZE - 1);
    return page(
        IntStream.rangeClosed(from, to).mapToObj(Records::json).collect(Collectors.joining(",")),
        to < RECORDS);
  }

  private static String page(String data, boolean hasMore) {
    return "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":" + hasMore + "}";
  }

  /** Page 2 with record 4 as it should be and record 5 changed by {@code change}. */
  private static String secondRecordIs(java.util.function.UnaryOperator<String> change) {
    return page(
        Records.json(4) + "," + change.apply(Records.json(5)) + "," + Records.json(6), true);
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  static Stream<Arguments> hostilePages() {
    String huge = "x".repeat(17 * 1024 * 1024);
    return Stream.of(
        Arguments.of(
            "an HTML error page",
            "<!DOCTYPE html><html><body>Service down</body></html>".getBytes(),
            "page 2 is not valid JSON: Unexpected character ('<' (code 60))"),
        Arguments.of(
            "bytes that are not UTF-8",
            concat(
                page(Records.json(4), true).substring(0, 30),
                new byte[] {(byte) 0xff, (byte) 0xfe},
                "\"}"),
            "page 2 is not valid JSON: Unexpected character ('\u00ff' (code 255))"),
        Arguments.of(
            "a bare number",
            "42".getBytes(),
            "page 2 is not a JSON object or array (it starts with VALUE_NUMBER_INT)"),
        Arguments.of(
            "records that are not a list",
            page("", true).replace("\"data\":[]", "\"data\":{\"a\":1}").getBytes(),
            "page 2: the records field 'data' is not an array but an object"),
        Arguments.of(
            "no records field",
            "{\"object\":\"list\",\"has_more\":true}".getBytes(),
            "page 2 holds no records at the 'records' path"),
        Arguments.of(
            "a record that is not an object",
            page(Records.json(4) + ",42", true).getBytes(),
            "record #2 on page 2 is not an object"),
        Arguments.of(
            "text for an integer",
            secondRecordIs(r -> r.replace("\"n\":5", "\"n\":\"five\"")).getBytes(),
            "record #2 on page 2: field 'n': "),
        Arguments.of(
            "an object for a number",
            secondRecordIs(r -> r.replace("\"amount\":1.25", "\"amount\":{\"value\":1.25}"))
                .getBytes(),
            "record #2 on page 2: field 'amount': "),
        Arguments.of(
            "text for a boolean",
            secondRecordIs(r -> r.replace("\"active\":false", "\"active\":\"no\"")).getBytes(),
            "record #2 on page 2: field 'active': "),
        Arguments.of(
            "a list for a string",
            secondRecordIs(r -> r.replace("\"note\":null", "\"note\":[\"a\"]")).getBytes(),
            "record #2 on page 2: field 'note': "),
        Arguments.of(
            "an integer over 64 bits",
            secondRecordIs(r -> r.replace("\"n\":5", "\"n\":123456789012345678901234567890"))
                .getBytes(),
            "record #2 on page 2: field 'n': the number"
                + " 123456789012345678901234567890 does not fit in a 64-bit integer"),
        Arguments.of(
            "a 17 MB string",
            secondRecordIs(r -> r.replace("\"note\":null", "\"note\":\"" + huge + "\"")).getBytes(),
            "record #2 on page 2: field 'note' exceeds a safety limit: "),
        Arguments.of(
            "nesting 5,000 deep",
            secondRecordIs(
                    r -> r.replace("\"ignored\":{\"x\":[5]}", "\"ignored\":" + nested(5_000)))
                .getBytes(),
            "record #2 on page 2: field 'ignored' exceeds a safety" + " limit: "),
        Arguments.of(
            "no primary key",
            secondRecordIs(r -> r.replace("\"id\":\"rec_000005\",", "")).getBytes(),
            "record #2 on page 2 has no 'id' (its primary key 'id')"),
        Arguments.of(
            "a null primary key",
            secondRecordIs(r -> r.replace("\"id\":\"rec_000005\"", "\"id\":null")).getBytes(),
            "record #2 on page 2 has no 'id' (its primary key 'id')"));
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] c = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(middle, 0, all, a.length, middle.length);
    System.arraycopy(c, 0, all, a.length + middle.length, c.length);
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePages")
  void aHostilePageFailsClearlyIsRolledBackAndTheNextRunResumesThere(
      String what, byte[] body, String expected) throws Exception {
    hostilePage = body;

    SyncResult failed = failure(records.sync("records"));

    assertThat(failed.complete()).isFalse();
    assertThat(failed.error()).as(what).isNotNull();
    assertThat(failed.error().length()).as("the error stays readable").isLessThan(1_000);
    assertThat(failed.error()).as(what).startsWith(expected);
    AuditEntry audited =
        paw.audit(pocket).read(AuditQuery.recent().kind(AuditKind.SYNC).limit(1)).get(0);
    assertThat(audited.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(audited.error()).isEqualTo(failed.error());
    Records.Difference pageOne = Records.compare(database(), PAGE_SIZE);
    assertThat(pageOne.none()).as("page 1 intact and nothing of page 2: %s", pageOne).isTrue();

    hostilePage = null;
    afters.clear();
    SyncResult resumed = records.sync("records").toCompletableFuture().join();

    assertThat(resumed.complete()).as("%s", resumed.error()).isTrue();
    assertThat(afters.get(0)).as("the rerun starts at page 2").isEqualTo(Records.id(PAGE_SIZE));
    assertThat(Records.compare(database(), RECORDS).none()).isTrue();
  }

  @Test
  void aLongStringUnderTheLimitIsKeptWhole() throws Exception {
    String long1mb = "ü".repeat(512 * 1024) + "✓";
    hostilePage =
        secondRecordIs(r -> r.replace("\"note\":null", "\"note\":\"" + long1mb + "\""))
            .getBytes(StandardCharsets.UTF_8);

    SyncResult result = records.sync("records").toCompletableFuture().join();

    assertThat(result.complete()).as("%s", result.error()).isTrue();
    String stored = Records.table(database()).get(Records.id(5)).get(0).note();
    assertThat(stored.equals(long1mb))
        .as(
            "the 1 MB value is stored whole (%s characters stored)",
            stored == null ? "no" : stored.length())
        .isTrue();
  }

  private Path database() {
    return dir.resolve("home/pockets/hostile/pocket.db");
  }
}
