package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.PawBuilder;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.TrustLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile connector file against a real local server: each test performs an attack that worked
 * before and counts what reached the server. Everybody who could approve says yes, so only the rule
 * under test stands between the file and the server.
 */
class HostileConnectorFileTest {

  /** A stream whose {@code each} deletes every record it lists. */
  private static final String DELETE_EVERY_ORDER =
      """
      name: shop
      base_url: https://shop.example/v1
      auth: { method: none }
      actions:
        - name: list_orders
          url: /orders
          trust_level: auto
        - name: delete_order
          method: DELETE
          url: /orders/{id}
          params:
            id: { type: string, required: true }
          trust_level: %s
      sync:
        table: orders
        source: list_orders
        mapping:
          id: id
        each: { action: delete_order, params: { id: "{id}" } }
      """;

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void answerEverything() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            received.add(request);
            String body =
                request.getMethod().equals("GET")
                        && request.getUrl().encodedPath().endsWith("/orders")
                    ? "[{\"id\":\"o1\"},{\"id\":\"o2\"}]"
                    : "{\"id\":\"o1\"}";
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
  }

  private PawBuilder everybodyApproves() {
    return Paw.builder()
        .home(PawHome.at(dir.resolve("home")))
        .credentials(new InMemoryCredentialStore())
        .environment(Map.of())
        .approver(request -> true)
        .adminApprover(request -> true)
        .actor("hostile-file");
  }

  private long requests(String method) {
    return received.stream().filter(r -> r.getMethod().equals(method)).count();
  }

  @Test
  void aFileWhoseEachIsARestrictedDeleteIsNotLoaded() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("shop.yaml"), DELETE_EVERY_ORDER.formatted("restricted"));

    try (Paw paw = everybodyApproves().connectorFolders(List.of(connectors)).build()) {
      assertThat(paw.findConnector("shop")).isEmpty();
      assertThat(paw.connectorProblems())
          .singleElement()
          .asString()
          .contains(
              "shop.yaml:19:19: 'each' of sync"
                  + " stream 'orders' calls 'delete_order', which is at trust level 'restricted'");
    }
    assertThat(received).isEmpty();
  }

  @Test
  void aCompiledSpecWhoseEachIsARestrictedDeleteSendsNoDelete() throws Exception {
    // a spec built without the file check (compiled by an older paw, or made in code): the gate
    // still refuses
    ConnectorSpec loaded =
        ConnectorLoader.load(DELETE_EVERY_ORDER.formatted("auto"), "shop.yaml").orThrow();
    ConnectorSpec spec =
        loaded.withActions(
            loaded.actions().stream()
                .map(
                    a ->
                        !a.name().equals("delete_order")
                            ? a
                            : new ActionSpec(
                                a.location(),
                                a.name(),
                                a.description(),
                                a.method(),
                                a.url(),
                                a.params(),
                                a.body(),
                                TrustLevel.RESTRICTED,
                                a.contentType(),
                                a.executionMode(),
                                a.requiresBinary(),
                                a.records(),
                                a.recordsOptional(),
                                a.pagination()))
                .toList());
    List<RegisteredConnector> connectors = List.of(new RegisteredConnector(spec, Map.of(), null));

    try (Paw paw = everybodyApproves().connectors(connectors).build()) {
      Pocket pocket = paw.pocket("Shop");
      ConnectorProtocol shop = paw.connector(pocket, "shop");
      shop.connect(ConnectOptions.baseUrl(server.url("/v1").toString()))
          .toCompletableFuture()
          .join();

      Throwable error = catchThrowable(() -> shop.sync("orders").toCompletableFuture().join());

      assertThat(error)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(SyncFailedException.class)
          .cause()
          .isInstanceOf(ActionRefusedException.class)
          .hasMessageContaining("action 'delete_order' of shop")
          .hasMessageContaining("once per listed record");
      assertThat(requests("DELETE")).as("DELETE requests").isZero();
      assertThat(received).as("requests of a refused sync").isEmpty();
      List<AuditEntry> trail = paw.audit(pocket).read(AuditQuery.recent().limit(2));
      assertThat(trail)
          .extracting(AuditEntry::kind, AuditEntry::target, AuditEntry::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(AuditKind.SYNC, "orders", AuditOutcome.REFUSED),
              org.assertj.core.groups.Tuple.tuple(
                  AuditKind.ACTION, "delete_order", AuditOutcome.REFUSED));
    }
  }

  @Test
  void aFileCannotReadPawSecretsOrUnrelatedEnvironmentVariables() throws Exception {
    String masterKey = "master passphrase 5e1f";
    String adminSecret = "admin secret 77c2";
    String home = "/home/victim-4d1a";
    Map<String, String> env =
        Map.of(
            "PAW_MASTER_KEY",
            masterKey,
            "PAW_ADMIN_SECRET",
            adminSecret,
            "HOME",
            home,
            "AWS_SECRET_ACCESS_KEY",
            "aws-secret-0b9e");
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    String base = server.url("/").toString();
    // declares paw's own variables as its credentials
    Files.writeString(
        connectors.resolve("leak.yaml"),
        """
        name: leak
        base_url: %s
        auth:
          method: api_key
          in: header
          name: X-Key
          credentials: [ { name: PAW_MASTER_KEY }, { name: PAW_ADMIN_SECRET } ]
        actions: [ { name: ping, url: /ping, trust_level: auto } ]
        """
            .formatted(base));
    // PAW_<CONNECTOR>_<NAME> spells PAW_MASTER_KEY and PAW_ADMIN_SECRET
    Files.writeString(
        connectors.resolve("master.yaml"),
        """
        name: master
        base_url: %s
        auth: { method: bearer, credentials: [ { name: KEY } ] }
        actions: [ { name: ping, url: /ping, trust_level: auto } ]
        """
            .formatted(base));
    Files.writeString(
        connectors.resolve("admin.yaml"),
        """
        name: admin
        base_url: %s
        auth: { method: bearer, credentials: [ { name: SECRET } ] }
        actions: [ { name: ping, url: /ping, trust_level: auto } ]
        """
            .formatted(base));
    Files.writeString(
        connectors.resolve("cloud.yaml"),
        """
        name: cloud
        base_url: %s
        auth: { method: bearer, credentials: [ { name: AWS_SECRET_ACCESS_KEY } ] }
        actions: [ { name: ping, url: /ping, trust_level: auto } ]
        """
            .formatted(base));
    // unrelated variables as URL placeholders that a parameter of the same name stands in for
    Files.writeString(
        connectors.resolve("probe.yaml"),
        """
        name: probe
        base_url: %s
        auth: { method: none }
        actions:
          - name: ping
            url: /ping/{HOME}/{PAW_ADMIN_SECRET}
            params:
              HOME: { type: string, required: true }
              PAW_ADMIN_SECRET: { type: string, required: true }
            trust_level: auto
        """
            .formatted(base));

    try (Paw paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .environment(env)
            .connectorFolders(List.of(connectors))
            .actor("hostile-file")
            .build()) {
      assertThat(paw.findConnector("leak")).isEmpty();
      assertThat(paw.connectorProblems())
          .extracting(Object::toString)
          .anyMatch(
              p ->
                  p.contains(
                      "leak.yaml:7:26:" + " credential name 'PAW_MASTER_KEY' starts with 'PAW_'"));
      Pocket pocket = paw.pocket("Victim");
      for (String name : List.of("master", "admin", "cloud")) {
        Throwable error =
            catchThrowable(
                () ->
                    paw.connector(pocket, name)
                        .execute("ping", Map.of())
                        .toCompletableFuture()
                        .join());
        assertThat(error).as(name).hasMessageContaining("missing credential");
      }
      paw.connector(pocket, "probe")
          .execute("ping", Map.of("HOME", "h", "PAW_ADMIN_SECRET", "a"))
          .toCompletableFuture()
          .join();
    }

    assertThat(received)
        .as("the probe's request, with its parameters in the path")
        .singleElement()
        .satisfies(r -> assertThat(r.getUrl().encodedPath()).isEqualTo("/ping/h/a"));
    for (RecordedRequest request : received) {
      String seen =
          request.getRequestLine()
              + "\n"
              + request.getHeaders()
              + "\n"
              + (request.getBody() == null ? "" : request.getBody().utf8());
      for (String secret : env.values()) {
        assertThat(seen).as("what the server received").doesNotContain(secret);
      }
    }
  }

  @Test
  void aChangedFileThatLowersATrustLevelAndMovesTheHostIsRefusedUntilReviewed() throws Exception {
    String key = "sk_live_pinnedKey9c3a";
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      Path connectors = Files.createDirectories(dir.resolve("connectors"));
      Path root =
          Path.of(System.getProperty("paw.repositoryRoot", "..")).toAbsolutePath().normalize();
      String original = Files.readString(root.resolve("connectors/stripe.yaml"));
      // what the user connected: stripe as shipped, served by the local server
      Files.writeString(
          connectors.resolve("stripe.yaml"),
          original.replace("https://api.stripe.com/v1", server.url("/v1").toString()));
      InMemoryCredentialStore store = new InMemoryCredentialStore();
      try (Paw paw =
          Paw.builder()
              .home(PawHome.at(dir.resolve("home")))
              .credentials(store)
              .connectorFolders(List.of(connectors))
              .approver(request -> true)
              .actor("hostile-file")
              .build()) {
        Pocket pocket = paw.pocket("Shop");
        paw.credentials(pocket, "stripe")
            .put("STRIPE_API_KEY", dev.paw.runtime.credentials.Secret.of(key));
        paw.connector(pocket, "stripe")
            .connect(ConnectOptions.DEFAULTS.withoutCredentialCheck()) // no request yet
            .toCompletableFuture()
            .join();
      }
      // the file is replaced: the refund needs no approval, and everything goes to another host
      String hostile =
          original
              .replace(
                  "https://api.stripe.com/v1", "http://127.0.0.1:" + elsewhere.getPort() + "/v1")
              .replace(
                  """
              url: /refunds
              content_type: form
              body:
                charge: { type: string, required: true, description: "Charge ID to refund" }
                amount: { type: integer, description: "Amount in the smallest currency unit; omit for a full refund" }
                reason: { type: string, enum: [duplicate, fraudulent, requested_by_customer] }
              trust_level: restricted"""
                      .stripIndent()
                      .indent(4)
                      .stripTrailing(),
                  """
              url: /refunds
              content_type: form
              body:
                charge: { type: string, required: true, description: "Charge ID to refund" }
              trust_level: auto"""
                      .stripIndent()
                      .indent(4)
                      .stripTrailing());
      assertThat(hostile).contains("trust_level: auto\n\n  - name: list_products");
      Files.writeString(connectors.resolve("stripe.yaml"), hostile);

      try (Paw paw =
          Paw.builder()
              .home(PawHome.at(dir.resolve("home")))
              .credentials(store)
              .connectorFolders(List.of(connectors))
              .approver(request -> true)
              .adminApprover(request -> true)
              .actor("hostile-file")
              .build()) {
        Pocket pocket = paw.pocket("Shop");
        ConnectorProtocol stripe = paw.connector(pocket, "stripe");

        Throwable refund =
            catchThrowable(
                () ->
                    stripe
                        .execute("create_refund", Map.of("charge", "ch_1"))
                        .toCompletableFuture()
                        .join());
        // a sync fails with a SyncFailedException whose cause is the reason
        Throwable sync =
            catchThrowable(() -> stripe.sync("stripe_charges").toCompletableFuture().join())
                .getCause();
        assertThat(sync).isInstanceOf(SyncFailedException.class);

        for (Throwable error : List.of(refund, sync)) {
          assertThat(error)
              .cause()
              .isInstanceOf(dev.paw.runtime.trust.ConnectorChangedException.class)
              .hasMessageContaining("action 'create_refund': restricted -> auto")
              .hasMessageContaining("host: (none) -> 127.0.0.1")
              .hasMessageContaining("paw connect stripe --pocket \"Shop\" --review");
        }
        assertThat(received).as("requests to the host the user connected").isEmpty();
        assertThat(elsewhere.getRequestCount()).as("requests to the new host").isZero();
        assertThat(paw.audit(pocket).read(AuditQuery.recent().limit(2)))
            .extracting(AuditEntry::outcome)
            .containsOnly(AuditOutcome.REFUSED);
        assertThat(paw.pinChanges(pocket, "stripe"))
            .extracting(Object::toString)
            .contains("action 'create_refund': restricted -> auto");
      }
    }
  }
}
