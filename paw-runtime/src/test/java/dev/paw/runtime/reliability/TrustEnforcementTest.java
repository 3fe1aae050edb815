package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.SharedConnectors;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TrustLevel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every action of every connector (ours in connectors/ and every PocketPaw file in
 * ../shared/pocketpaw-connectors) whose trust level is {@code confirm} or {@code restricted}, a
 * call without the approval it needs is refused and sends nothing: 0 requests reach the local
 * server the connection points at, and the HTTP client starts 0 calls to any host (an OAuth token
 * endpoint included; its DNS refuses every host but the loopback, so nothing could leave the
 * machine even if the gate failed). The same for a sync whose source action is gated. Each refusal
 * is audited.
 *
 * <p>Three approvers: nobody approves; the user approves everything (a {@code restricted} call
 * still needs the administrator); the approver throws. Parameters get type-correct dummy values and
 * credentials dummy values, so the call reaches the trust gate rather than failing on its input.
 */
class TrustEnforcementTest {

  private static final List<String> FIGURES = Collections.synchronizedList(new ArrayList<>());

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  /** Who answers approval requests in a case. */
  enum Approvers {
    NOBODY,
    USER_SAYS_YES_TO_EVERYTHING,
    APPROVER_THROWS
  }

  static Stream<Path> ourConnectorFiles() throws IOException {
    Path root =
        Path.of(System.getProperty("paw.repositoryRoot", "..")).toAbsolutePath().normalize();
    return yaml(root.resolve("connectors")).stream();
  }

  static Stream<Path> pocketPawConnectorFiles() throws IOException {
    Path shared = SharedConnectors.directory();
    List<Path> pocketPaw = yaml(shared);
    assertThat(pocketPaw).as("the PocketPaw connector files in %s", shared).isNotEmpty();
    return pocketPaw.stream();
  }

  private static List<Path> yaml(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourConnectorFiles")
  void aGatedCallOfOurConnectorsWithoutItsApprovalSendsNothing(Path file) throws Exception {
    aGatedCallWithoutItsApprovalSendsNothing(file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pocketPawConnectorFiles")
  @EnabledIf(value = SharedConnectors.PRESENT, disabledReason = SharedConnectors.MISSING)
  void aGatedCallOfPocketPawConnectorsWithoutItsApprovalSendsNothing(Path file) throws Exception {
    aGatedCallWithoutItsApprovalSendsNothing(file);
  }

  private void aGatedCallWithoutItsApprovalSendsNothing(Path file) throws Exception {
    ConnectorSpec spec = ConnectorLoader.load(file, file.getFileName().toString()).orThrow();
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.copy(file, connectors.resolve(file.getFileName()));
    AtomicInteger callsStarted = new AtomicInteger();
    OkHttpClient base =
        HttpClients.newClient()
            .newBuilder()
            .eventListenerFactory(
                call ->
                    new EventListener() {
                      @Override
                      public void callStart(Call call) {
                        callsStarted.incrementAndGet();
                      }
                    })
            .dns(
                host -> {
                  if (host.equals("127.0.0.1") || host.equals("localhost")) {
                    return List.of(InetAddress.getLoopbackAddress());
                  }
                  throw new UnknownHostException("the tests reach 127.0.0.1 only, not " + host);
                })
            .build();
    Approvers[] who = {Approvers.NOBODY};
    InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    int gatedActions = 0;
    int gatedSyncs = 0;
    int unsendable = 0;
    try (Paw paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(credentials)
            .connectorFolders(List.of(connectors))
            .httpClient(base)
            .actor("trust-test")
            .approver(
                request ->
                    switch (who[0]) {
                      case NOBODY -> false;
                      case USER_SAYS_YES_TO_EVERYTHING -> true;
                      case APPROVER_THROWS ->
                          throw new IllegalStateException("the approval dialog crashed");
                    })
            .adminApprover(
                request -> {
                  if (who[0] == Approvers.APPROVER_THROWS) {
                    throw new IllegalStateException("the administrator dialog crashed");
                  }
                  return false;
                })
            .build()) {
      Pocket pocket = paw.pocket("Trust");
      for (CredentialSpec credential : spec.auth().credentials()) {
        paw.credentials(pocket, spec.name())
            .put(credential.name(), Secret.of("dummy-" + credential.name()));
      }
      ConnectorProtocol connector = paw.connector(pocket, spec.name());
      connector
          .connect(ConnectOptions.baseUrl(server.url("/").toString()).withoutCredentialCheck())
          .toCompletableFuture()
          .join();

      for (ActionSpec action : spec.actions()) {
        if (action.trustLevel() == TrustLevel.AUTO) {
          continue;
        }
        if (action.method() != HttpMethod.LOCAL && action.url() == null) {
          unsendable++;
        } else {
          gatedActions++;
        }
        for (Approvers approvers : Approvers.values()) {
          if (approvers == Approvers.USER_SAYS_YES_TO_EVERYTHING
              && action.trustLevel() == TrustLevel.CONFIRM) {
            continue; // the user may approve a confirm call: that one is allowed to run
          }
          who[0] = approvers;
          Throwable error =
              cause(
                  catchThrowable(
                      () ->
                          connector
                              .execute(action.name(), dummyParameters(action))
                              .toCompletableFuture()
                              .join()));
          String what =
              spec.name()
                  + "."
                  + action.name()
                  + " ("
                  + action.trustLevel().wireName()
                  + ") with "
                  + approvers;
          AuditEntry audited =
              paw.audit(pocket).read(AuditQuery.recent().kind(AuditKind.ACTION).limit(1)).get(0);
          assertThat(audited.target()).as(what).isEqualTo(action.name());
          if (action.method() != HttpMethod.LOCAL && action.url() == null) {
            // PocketPaw's cloud-only actions: paw has no request to make, so the call fails before
            // the gate
            assertThat(error)
                .as(what)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an HTTP action (it has no url)");
            assertThat(audited.outcome()).as(what).isEqualTo(AuditOutcome.ERROR);
          } else {
            if (!(error instanceof ActionRefusedException)) {
              fail(
                  "%s was not refused by the trust gate: %s",
                  what, error == null ? "it ran" : error.toString());
            }
            assertThat(audited.outcome()).as(what).isEqualTo(AuditOutcome.REFUSED);
          }
          assertThat(server.getRequestCount()).as("requests after %s", what).isZero();
          assertThat(callsStarted.get()).as("HTTP calls started after %s", what).isZero();
        }
      }
      for (StreamSpec stream : spec.streams()) {
        ActionSpec source = stream.isRunnable() ? spec.action(stream.source()).orElse(null) : null;
        if (source == null || source.trustLevel() == TrustLevel.AUTO) {
          continue;
        }
        gatedSyncs++;
        who[0] = Approvers.NOBODY;
        Throwable error =
            cause(
                catchThrowable(() -> connector.sync(stream.table()).toCompletableFuture().join()));
        assertThat(error)
            .as("sync of %s.%s", spec.name(), stream.table())
            .isInstanceOf(SyncFailedException.class)
            .cause()
            .isInstanceOf(ActionRefusedException.class)
            .hasMessageStartingWith(
                "action '" + source.name() + "' of " + spec.name() + " in pocket ")
            .hasMessageContaining(" was refused and not sent: ");
        assertThat(server.getRequestCount()).isZero();
        assertThat(callsStarted.get()).isZero();
      }
    }
    FIGURES.add(
        spec.name()
            + ":"
            + gatedActions
            + (gatedSyncs > 0 ? "+" + gatedSyncs + " syncs" : "")
            + (unsendable > 0 ? " (" + unsendable + " without url)" : ""));
  }

  /** The control: with the user's approval the same harness does see the confirm call's request. */
  @org.junit.jupiter.api.Test
  void anApprovedConfirmCallIsSeenByTheHarness() throws Exception {
    AtomicInteger callsStarted = new AtomicInteger();
    OkHttpClient base =
        HttpClients.newClient()
            .newBuilder()
            .eventListenerFactory(
                call ->
                    new EventListener() {
                      @Override
                      public void callStart(Call call) {
                        callsStarted.incrementAndGet();
                      }
                    })
            .build();
    Path connectors = Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors");
    try (Paw paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .httpClient(base)
            .approver(request -> true)
            .build()) {
      Pocket pocket = paw.pocket("Trust");
      paw.credentials(pocket, "stripe").put("STRIPE_API_KEY", Secret.of("sk_test_control"));
      ConnectorProtocol stripe = paw.connector(pocket, "stripe");
      stripe
          .connect(ConnectOptions.baseUrl(server.url("/").toString()).withoutCredentialCheck())
          .toCompletableFuture()
          .join();
      server.enqueue(new mockwebserver3.MockResponse.Builder().body("{\"id\":\"in_1\"}").build());

      stripe.execute("create_invoice", Map.of("customer", "cus_1")).toCompletableFuture().join();

      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(callsStarted.get()).isEqualTo(1);
    }
  }

  /**
   * Type-correct values for the action's required parameters (the first enum value where there is
   * an enum).
   */
  static Map<String, Object> dummyParameters(ActionSpec action) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec param : action.allParams()) {
      if (!param.required() || param.defaultValue() != null) {
        continue;
      }
      Object value =
          !param.enumValues().isEmpty()
              ? param.enumValues().get(0)
              : switch (param.type()) {
                case STRING -> "x1";
                case INTEGER -> 1L;
                case NUMBER -> 1.5;
                case BOOLEAN -> true;
                case OBJECT -> Map.of("k", "v");
                case ARRAY -> List.of("a");
              };
      values.put(param.name(), value);
    }
    return values;
  }

  private static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  @AfterAll
  static void report() {
    int actions =
        FIGURES.stream()
            .mapToInt(f -> Integer.parseInt(f.replaceAll("[^:]*:(\\d+).*", "$1")))
            .sum();
    int unsendable =
        FIGURES.stream()
            .filter(f -> f.contains(" without url"))
            .mapToInt(f -> Integer.parseInt(f.replaceAll(".*\\((\\d+) without url\\)", "$1")))
            .sum();
    System.out.printf(
        "trust: %d connector files, %d confirm/restricted actions refused by the gate without"
            + " approval (nobody, user-only, approver throws), %d more without a url (cannot be sent at all), 0 requests,"
            + " 0 HTTP calls started: %s%n",
        FIGURES.size(), actions, unsendable, FIGURES);
  }
}
