package dev.paw.runtime.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.MissingCredentialException;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.http.InvalidParametersException;
import dev.paw.runtime.internal.mapping.SpecRowMapper;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.runtime.trust.ApprovalRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML connector run through {@link Paw} against a local server: credentials, the trust gate (a
 * refused call sends nothing), the audit trail, the base URL override, and syncs, end to end.
 */
class DirectRestAdapterTest {

  private static final String KEY = "sk_test_canary_7d2f9a";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private final InMemoryCredentialStore store = new InMemoryCredentialStore();
  private final List<ApprovalRequest> asked = new ArrayList<>();
  private boolean userSays;
  private boolean adminSays;
  private Paw paw;
  private Pocket pocket;

  @BeforeEach
  void setUp() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(
        connectors.resolve("shop.yaml"),
        """
        name: shop
        base_url: https://api.shop.example/v1
        auth:
          method: api_key
          in: header
          name: X-Api-Key
          credentials:
            - { name: SHOP_KEY, required: true }
        actions:
          - name: list_orders
            url: /orders
            params:
              status: { type: string, enum: [open, paid] }
            trust_level: auto
            pagination: { style: cursor, param: after, from: id, has_more: has_more }
          - name: refund_order
            method: POST
            url: /orders/{order}/refund
            params:
              order: { type: string, required: true }
            body:
              amount: { type: integer }
              password: { type: string }
            trust_level: confirm
          - name: delete_order
            method: DELETE
            url: /orders/{order}
            params:
              order: { type: string, required: true }
            trust_level: restricted
          - name: local_thing
            method: LOCAL
            trust_level: auto
        sync:
          table: orders
          source: list_orders
          mapping:
            id: { from: id, type: string }
            total: { from: total, type: integer }
        """);
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(store)
            .connectorFolders(List.of(connectors))
            .approver(
                request -> {
                  asked.add(request);
                  return userSays;
                })
            .adminApprover(request -> adminSays)
            .settings(
                new RuntimeSettings(
                    RuntimeSettings.Retry.none(),
                    Map.of(),
                    Clock.systemUTC(),
                    RuntimeSettings.Sleeper.SYSTEM))
            .actor("test")
            .build();
    pocket = paw.pocket("My Business");
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  private ConnectorProtocol shop() {
    return paw.connector(pocket, "shop");
  }

  private void connect() {
    paw.credentials(pocket, "shop").put("SHOP_KEY", Secret.of(KEY));
    join(
        shop()
            .connect(
                ConnectOptions.baseUrl(server.url("/v1").toString()).withoutCredentialCheck()));
  }

  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void serve(String body) {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  private List<AuditEntry> audit() throws Exception {
    return paw.audit(pocket).read(AuditQuery.recent());
  }

  @Test
  void connectNamesTheMissingCredentialAndRecordsTheFailure() throws Exception {
    assertThatThrownBy(() -> join(shop().connect()))
        .isInstanceOf(MissingCredentialException.class)
        .hasMessageContaining("SHOP_KEY");
    assertThat(audit())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(AuditKind.CONNECT);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.ERROR);
            });
  }

  @Test
  void anAutoActionGoesToTheOverriddenBaseUrlWithItsKey() throws Exception {
    connect();
    serve("{\"data\":[],\"has_more\":false}");

    ActionResult result = join(shop().execute("list_orders", Map.of("status", "paid")));

    assertThat(result.status()).isEqualTo(200);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/orders?status=paid");
    assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo(KEY);
    assertThat(audit().get(0).outcome()).isEqualTo(AuditOutcome.OK);
    assertThat(audit().get(0).decision()).isEqualTo("auto");
  }

  @Test
  void aConfirmActionWithoutApprovalSendsNothing() throws Exception {
    connect();

    assertThatThrownBy(
            () -> join(shop().execute("refund_order", Map.of("order", "o_1", "amount", 500))))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageStartingWith(
            "action 'refund_order' of shop in pocket 'My Business' was refused and not sent: confirm actions"
                + " need the user's approval, which was not given");

    assertThat(server.getRequestCount()).isZero();
    assertThat(asked)
        .singleElement()
        .satisfies(r -> assertThat(r.action()).isEqualTo("refund_order"));
    AuditEntry refused = audit().get(0);
    assertThat(refused.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refused.target()).isEqualTo("refund_order");
  }

  @Test
  void anApprovedConfirmActionRunsAndTheApproverSeesNoSecret() throws Exception {
    connect();
    userSays = true;
    serve("{\"id\":\"re_1\"}");

    join(
        shop()
            .execute(
                "refund_order",
                Map.of("order", "o_1", "amount", 500, "password", "hunter2-secret")));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v1/orders/o_1/refund");
    assertThat(request.getBody().utf8())
        .isEqualTo("{\"amount\":500,\"password\":\"hunter2-secret\"}");
    assertThat(asked.get(0).parameters().toString()).doesNotContain("hunter2-secret");
    assertThat(audit().get(0).parametersJson())
        .doesNotContain("hunter2-secret")
        .contains("\"amount\":500");
  }

  @Test
  void aRestrictedActionNeedsTheAdministratorNotTheUser() throws Exception {
    connect();
    userSays = true;

    assertThatThrownBy(() -> join(shop().execute("delete_order", Map.of("order", "o_1"))))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageStartingWith(
            "action 'delete_order' of shop in pocket 'My Business' was refused and not sent: restricted"
                + " actions need an administrator's approval, which was not given");
    assertThat(server.getRequestCount()).isZero();

    adminSays = true;
    serve("{}");
    join(shop().execute("delete_order", Map.of("order", "o_1")));
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    assertThat(audit().get(0).decision()).isEqualTo("admin_approved");
  }

  @Test
  void invalidParametersAreRefusedBeforeAnythingIsSentOrAsked() throws Exception {
    connect();
    userSays = true;

    assertThatThrownBy(() -> join(shop().execute("refund_order", Map.of("amount", "lots"))))
        .isInstanceOf(InvalidParametersException.class)
        .hasMessageContaining("order")
        .hasMessageContaining("amount");
    assertThat(server.getRequestCount()).isZero();
    assertThat(asked).isEmpty();
    assertThat(audit().get(0).outcome()).isEqualTo(AuditOutcome.ERROR);
  }

  @Test
  void anErrorStatusFailsTheCallWithoutTheKeyInTheMessage() throws Exception {
    connect();
    server.enqueue(
        new MockResponse.Builder().code(401).body("{\"error\":\"bad key " + KEY + "\"}").build());

    assertThatThrownBy(() -> join(shop().execute("list_orders", Map.of())))
        .isInstanceOf(ActionFailedException.class)
        .hasMessageContaining("answered 401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    assertThat(audit().get(0).error()).doesNotContain(KEY);
  }

  @Test
  void aSyncPagesIntoThePocketAndIsAudited() throws Exception {
    connect();
    serve(
        "{\"data\":[{\"id\":\"o_1\",\"total\":10},{\"id\":\"o_2\",\"total\":20}],\"has_more\":true}");
    serve("{\"data\":[{\"id\":\"o_3\",\"total\":30}],\"has_more\":false}");

    SyncResult result = join(shop().sync("orders"));

    assertThat(result.error()).isNull();
    assertThat(result.inserted()).isEqualTo(3);
    server.takeRequest();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/orders?after=o_2");
    var rows =
        shop()
            .rows(
                "orders",
                new SpecRowMapper(shop().spec(), shop().spec().stream("orders").orElseThrow()));
    assertThat(rows)
        .extracting(r -> r[0] + "=" + r[1])
        .containsExactly("o_1=10", "o_2=20", "o_3=30");
    assertThat(shop().rows("orders", row -> row.getString(1) + "=" + row.getLong(2)))
        .containsExactly("o_1=10", "o_2=20", "o_3=30");
    assertThatThrownBy(() -> shop().rows("nope", row -> row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("syncs no table 'nope'");
    assertThat(audit().get(0).kind()).isEqualTo(AuditKind.SYNC);
    assertThat(audit().get(0).outcome()).isEqualTo(AuditOutcome.OK);
  }

  @Test
  void syncingBeforeConnectingIsRefused() {
    assertThatThrownBy(() -> join(shop().sync("orders"))).hasMessageContaining("is not connected");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aLocalActionWithoutAnImplementationSaysSo() {
    connect();
    assertThatThrownBy(() -> join(shop().execute("local_thing", Map.of())))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("LOCAL");
  }

  @Test
  void oneAdapterPerPocketAndConnector() {
    Pocket other = paw.pocket("Other");
    assertThat(paw.connector(pocket, "shop")).isSameAs(paw.connector(pocket, "shop"));
    assertThat(paw.connector(other, "shop")).isNotSameAs(paw.connector(pocket, "shop"));
  }

  @Test
  void anotherPocketDoesNotSeeThisPocketsCredentials() {
    connect();
    Pocket other = paw.pocket("Other");
    assertThatThrownBy(() -> join(paw.connector(other, "shop").connect()))
        .isInstanceOf(MissingCredentialException.class)
        .hasMessage(
            "missing credential 'SHOP_KEY' for connector 'shop' in pocket 'Other': store it with"
                + " ScopedCredentials.put (paw connect at the command line) or set the environment"
                + " variable SHOP_KEY");
  }

  @Test
  void theKeyAppearsNowhereInThePocketFiles() throws Exception {
    connect();
    serve("{\"data\":[{\"id\":\"o_1\",\"total\":1}],\"has_more\":false}");
    join(shop().sync("orders"));
    server.enqueue(new MockResponse.Builder().code(500).body(KEY).build());
    assertThatThrownBy(() -> join(shop().execute("list_orders", Map.of())))
        .hasMessage(
            "action 'list_orders' of connector 'shop' failed: GET localhost/v1/orders answered 500:"
                + " [redacted]");

    try (Stream<Path> files = Files.walk(dir.resolve("home"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(KEY);
      }
    }
  }
}
