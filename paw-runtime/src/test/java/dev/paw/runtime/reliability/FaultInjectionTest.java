package dev.paw.runtime.reliability;

import static dev.paw.runtime.SyncOutcomes.failure;
import static dev.paw.runtime.SyncOutcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.Records;
import dev.paw.runtime.testing.RecordsApi;
import dev.paw.runtime.testing.RecordsApi.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 20,000-record cursor-paged sync through the real runtime (Paw, a YAML connector, the DirectREST
 * adapter, OkHttp with its retry interceptor, the sync engine, SQLite) against a server that
 * injects faults into 15% of the requests, from a seed: 500, 502, 503, 429 with Retry-After,
 * connections reset half way through a body, truncated JSON, answers slower than the read timeout
 * before the headers and half way through the body. Each seed's sync is rerun until it completes;
 * then the table must equal the source exactly (ids and every value: 0 lost, 0 duplicated, 0
 * different), every run that gave up must say why in its result and in the audit trail, and every
 * 429 must have been waited out for exactly its Retry-After or have ended the run.
 *
 * <p>The retry policy allows two attempts per request (the default is four) so that runs do give up
 * and resume from their checkpoints. Waits are recorded instead of slept. The figures are printed
 * and written to {@code target/reliability/fault-injection.txt}. More and longer runs: {@code
 * -Dpaw.faults.runs=200 -Dpaw.faults.records=50000 -Dpaw.faults.rate=0.3 -Dpaw.faults.seed=1000}
 * (see docs/reliability.md).
 */
class FaultInjectionTest {

  private static final int RECORDS = Integer.getInteger("paw.faults.records", 20_000);
  private static final int RUNS = Integer.getInteger("paw.faults.runs", 20);
  private static final double RATE =
      Double.parseDouble(System.getProperty("paw.faults.rate", "0.15"));
  private static final long FIRST_SEED = Long.getLong("paw.faults.seed", 1L);
  private static final int PAGE_SIZE = 200;

  /** A bound on reruns, so a sync that never converges fails the test instead of looping. */
  private static final int MAX_RUNS_PER_SEED = 60;

  private static final Duration READ_TIMEOUT = Duration.ofMillis(250);
  private static final Duration SLOWNESS = Duration.ofMillis(750);

  private static final List<String> SOURCE = Records.generate(RECORDS);
  private static final List<Figures> FIGURES = Collections.synchronizedList(new ArrayList<>());

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.range(FIRST_SEED, FIRST_SEED + RUNS);
  }

  /** What one seed's sync took. */
  record Figures(
      long seed,
      int runs,
      int requests,
      Map<Fault, Integer> injected,
      Map<String, Integer> gaveUp,
      int retryAfterWaits,
      long millis) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rerunningAfterFaultsEndsWithExactlyTheSource(long seed) throws Exception {
    long started = System.nanoTime();
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    PawHome home = PawHome.at(dir.resolve("home"));
    try (RecordsApi api = RecordsApi.withFaults(SOURCE, seed, RATE, Fault.all(), SLOWNESS);
        Paw paw = paw(home, waits)) {
      Pocket pocket = paw.pocket("Faults");
      ConnectorProtocol records = connect(paw, pocket, api);

      Map<String, Integer> gaveUp = new TreeMap<>();
      int runs = 0;
      SyncResult result;
      do {
        runs++;
        result = resultOf(records.sync("records"));
        AuditEntry audited =
            paw.audit(pocket).read(AuditQuery.recent().kind(AuditKind.SYNC).limit(1)).get(0);
        if (result.complete()) {
          assertThat(result.error()).as("seed %d run %d", seed, runs).isNull();
          assertThat(audited.outcome()).as("seed %d run %d", seed, runs).isEqualTo(AuditOutcome.OK);
        } else {
          String reason = reason(seed, runs, result.error());
          gaveUp.merge(reason, 1, Integer::sum);
          assertThat(audited.outcome())
              .as("seed %d run %d", seed, runs)
              .isEqualTo(AuditOutcome.ERROR);
          assertThat(audited.error())
              .as("seed %d run %d: the audit entry says why", seed, runs)
              .isEqualTo(result.error());
        }
      } while (!result.complete() && runs < MAX_RUNS_PER_SEED);

      assertThat(result.complete())
          .as("seed %d: complete after %d runs (last error: %s)", seed, runs, result.error())
          .isTrue();
      Path database = home.pocketsDirectory().resolve("faults/pocket.db");
      Records.Difference difference = Records.compare(database, RECORDS);
      assertThat(difference.none())
          .as("seed %d: the table after %d runs: %s", seed, runs, difference)
          .isTrue();
      assertThat(Records.integrity(database)).as("seed %d", seed).isEqualTo("ok");
      assertThat(api.unauthorized()).as("seed %d: requests without the API key", seed).isZero();
      long retryAfterWaits =
          waits.stream()
              .filter(w -> w.equals(Duration.ofSeconds(RecordsApi.RETRY_AFTER_SECONDS)))
              .count();
      assertThat(retryAfterWaits + gaveUp.getOrDefault("429 after retrying", 0))
          .as("seed %d: every 429 was waited out for its Retry-After or ended the run", seed)
          .isEqualTo((long) api.injected().get(Fault.HTTP_429));
      FIGURES.add(
          new Figures(
              seed,
              runs,
              api.requests(),
              api.injected(),
              gaveUp,
              (int) retryAfterWaits,
              (System.nanoTime() - started) / 1_000_000));
    }
  }

  /**
   * Paw with the records connector, two attempts per request, a short read timeout and recorded
   * waits.
   */
  private Paw paw(PawHome home, List<Duration> waits) throws IOException {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("records.yaml"), Records.connector(PAGE_SIZE));
    return Paw.builder()
        .home(home)
        .credentials(new InMemoryCredentialStore())
        .connectorFolders(List.of(connectors))
        .settings(
            new RuntimeSettings(
                new RuntimeSettings.Retry(
                    2, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60)),
                Map.of(),
                Clock.systemUTC(),
                waits::add))
        .httpClient(
            HttpClients.newClient()
                .newBuilder()
                .readTimeout(READ_TIMEOUT)
                .connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(60))
                .build())
        .actor("fault-test")
        .build();
  }

  private static ConnectorProtocol connect(Paw paw, Pocket pocket, RecordsApi api) {
    paw.credentials(pocket, "records").put("RECORDS_KEY", Secret.of(RecordsApi.API_KEY));
    ConnectorProtocol records = paw.connector(pocket, "records");
    records.connect(ConnectOptions.baseUrl(api.baseUrl())).toCompletableFuture().join();
    return records;
  }

  static Stream<Arguments> everyFault() {
    return Stream.of(
        Arguments.of(
            Fault.HTTP_500,
            "GET http://127.0.0.1:*/v1/records answered 500: {\"error\":\"injected 500\"}"),
        Arguments.of(
            Fault.HTTP_502,
            "GET http://127.0.0.1:*/v1/records answered 502: <html><body>502 Bad Gateway</body></html>"),
        Arguments.of(
            Fault.HTTP_503,
            "GET http://127.0.0.1:*/v1/records answered 503: {\"error\":\"injected 503\"}"),
        Arguments.of(
            Fault.HTTP_429,
            "GET http://127.0.0.1:*/v1/records answered 429: {\"error\":\"slow down\"}"),
        Arguments.of(Fault.RESET_MID_BODY, "page 1 failed 5 times; last: *"),
        Arguments.of(Fault.TRUNCATED_JSON, "page 1 is not valid JSON: Unexpected end-of-input*"),
        Arguments.of(
            Fault.SLOW_HEADERS, "page 1 failed 5 times; last: java.net.SocketTimeoutException*"),
        Arguments.of(
            Fault.SLOW_BODY, "page 1 failed 5 times; last: java.net.SocketTimeoutException*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFault")
  void aSyncThatGivesUpSaysWhatFailedAndKeepsWhatItHad(Fault fault, String expected)
      throws Exception {
    PawHome home = PawHome.at(dir.resolve("home"));
    try (RecordsApi api =
            RecordsApi.withFaults(Records.generate(1_000), 1, 0, List.of(), SLOWNESS);
        Paw paw = paw(home, Collections.synchronizedList(new ArrayList<>()))) {
      Pocket pocket = paw.pocket("Faults");
      ConnectorProtocol records = connect(paw, pocket, api);
      assertThat(records.sync("records").toCompletableFuture().join().complete()).isTrue();
      api.inject(1.0, List.of(fault));

      SyncResult failed = failure(records.sync("records"));

      assertThat(failed.complete()).isFalse();
      System.out.println("gave up on " + fault + ": " + failed.error());
      assertThat(failed.error())
          .matches(java.util.regex.Pattern.quote(expected).replace("*", "\\E.*\\Q"));
      AuditEntry audited =
          paw.audit(pocket).read(AuditQuery.recent().kind(AuditKind.SYNC).limit(1)).get(0);
      assertThat(audited.outcome()).isEqualTo(AuditOutcome.ERROR);
      assertThat(audited.error()).isEqualTo(failed.error());
      Path database = home.pocketsDirectory().resolve("faults/pocket.db");
      assertThat(Records.compare(database, 1_000).none())
          .as("the table is as the last complete run left it")
          .isTrue();

      api.inject(0, List.of());
      SyncResult recovered = records.sync("records").toCompletableFuture().join();
      assertThat(recovered.complete()).as("%s", recovered.error()).isTrue();
      assertThat(recovered.changed()).isZero();
    }
  }

  /**
   * What made a run give up, from its error; an error that says nothing recognisable fails the
   * test.
   */
  private static String reason(long seed, int run, String error) {
    assertThat(error).as("seed %d run %d gave up without saying why", seed, run).isNotBlank();
    Map<String, String> known = new LinkedHashMap<>();
    known.put("answered 500", "500 after retrying");
    known.put("answered 502", "502 after retrying");
    known.put("answered 503", "503 after retrying");
    known.put("answered 429", "429 after retrying");
    known.put("is not valid JSON", "truncated JSON, every attempt");
    known.put("timeout", "timeouts, every attempt");
    known.put("timed out", "timeouts, every attempt");
    known.put("reset", "connection resets, every attempt");
    known.put("end of stream", "connection resets, every attempt");
    known.put("failed 5 times", "faults on every attempt at a page");
    for (Map.Entry<String, String> entry : known.entrySet()) {
      if (error.contains(entry.getKey())) {
        return entry.getValue();
      }
    }
    return fail(
        "seed %d run %d gave up with an error that does not say what failed: %s", seed, run, error);
  }

  @AfterAll
  static void report() throws IOException {
    if (FIGURES.isEmpty()) {
      return;
    }
    List<Figures> all = new ArrayList<>(FIGURES);
    all.sort((a, b) -> Long.compare(a.seed(), b.seed()));
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.printf(
        "fault injection: %d seeds from %d, %,d records in pages of %d, fault rate %.0f%%, %d attempts per"
            + " request%n",
        all.size(), FIRST_SEED, RECORDS, PAGE_SIZE, RATE * 100, 2);
    out.printf(
        "%6s %5s %9s %7s  %-70s %s%n",
        "seed", "runs", "requests", "faults", "faults by kind", "gave up");
    Map<Fault, Integer> byKind = new EnumMap<>(Fault.class);
    Map<String, Integer> gaveUp = new TreeMap<>();
    long requests = 0;
    long faults = 0;
    int[] runs = all.stream().mapToInt(Figures::runs).toArray();
    for (Figures f : all) {
      int injected = f.injected().values().stream().mapToInt(Integer::intValue).sum();
      requests += f.requests();
      faults += injected;
      f.injected().forEach((k, v) -> byKind.merge(k, v, Integer::sum));
      f.gaveUp().forEach((k, v) -> gaveUp.merge(k, v, Integer::sum));
      out.printf(
          "%6d %5d %9d %7d  %-70s %s%n",
          f.seed(), f.runs(), f.requests(), injected, f.injected(), f.gaveUp());
    }
    out.printf(
        "total: %,d requests, %,d faults injected (%.1f%%): %s%n",
        requests, faults, 100.0 * faults / requests, byKind);
    out.printf(
        "runs per seed until complete: min %d, mean %.2f, max %d; reruns in all: %d%n",
        java.util.Arrays.stream(runs).min().orElse(0),
        java.util.Arrays.stream(runs).average().orElse(0),
        java.util.Arrays.stream(runs).max().orElse(0),
        java.util.Arrays.stream(runs).map(r -> r - 1).sum());
    out.printf("runs that gave up, by what they reported: %s%n", gaveUp);
    out.printf("every seed: 0 lost, 0 duplicated, 0 different values, integrity_check ok%n");
    out.flush();
    System.out.print(text);
    Path report = Path.of("target", "reliability", "fault-injection.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, text.toString());
  }
}
