package dev.paw.runtime.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.StripeMock;
import dev.paw.runtime.trust.ActionRefusedException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in Stripe connector (connectors/stripe.yaml) against stripe-stateful-mock, a
 * third-party Stripe API mock, on 127.0.0.1: several pages of customers and charges, a re-sync that
 * duplicates nothing, and a refund that only an administrator can approve, all in the audit trail.
 * The mock and its seeded customers and charges are shared (starting it takes seconds); each test
 * has a pocket of its own and does every step it checks, so the tests pass in any order and alone.
 */
class StripeConnectorMockTest {

  private static StripeMock stripe;
  private static List<String> charges;

  private Paw paw;
  private Pocket pocket;
  private boolean adminSays;

  @BeforeAll
  static void startAndSeed() throws Exception {
    stripe = StripeMock.start();
    stripe.seedCustomers(260);
    charges = stripe.seedCharges(120);
  }

  @AfterAll
  static void stop() throws Exception {
    stripe.close();
  }

  @BeforeEach
  void connect(@TempDir Path home) {
    Path connectors = Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors");
    paw =
        Paw.builder()
            .home(PawHome.at(home))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .approver(request -> true)
            .adminApprover(request -> adminSays)
            .build();
    pocket = paw.pocket("My Business");
    paw.credentials(pocket, "stripe").put("STRIPE_API_KEY", Secret.of(StripeMock.SECRET_KEY));
    join(stripe().connect(ConnectOptions.baseUrl(stripe.apiBase()).withoutCredentialCheck()));
  }

  @AfterEach
  void close() {
    paw.close();
  }

  private ConnectorProtocol stripe() {
    return paw.connector(pocket, "stripe");
  }

  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private long count(String sql) throws Exception {
    try (Connection db = PocketDatabase.open(pocket);
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void syncsEveryCustomerAcrossPages() throws Exception {
    SyncResult result = join(stripe().sync("stripe_customers"));

    assertThat(result.error()).isNull();
    assertThat(result.pages()).isEqualTo(3);
    assertThat(result.inserted()).isEqualTo(260);
    assertThat(count("SELECT count(*) FROM stripe_customers")).isEqualTo(260);
    assertThat(count("SELECT count(*) FROM stripe_customers WHERE email LIKE 'user%@example.com'"))
        .isEqualTo(260);
    assertThat(
            count(
                "SELECT count(*) FROM stripe_customers WHERE json_extract(metadata, '$.seq') = '42'"))
        .isEqualTo(1);
  }

  @Test
  void syncsChargesWithTheirCardDetails() throws Exception {
    SyncResult result = join(stripe().sync("stripe_charges"));

    assertThat(result.error()).isNull();
    assertThat(result.pages()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM stripe_charges")).isEqualTo(120);
    assertThat(
            count(
                "SELECT count(*) FROM stripe_charges WHERE card_brand = 'visa' AND card_last4 = '4242'"
                    + " AND paid = 1 AND amount BETWEEN 1001 AND 1120"))
        .isEqualTo(120);
  }

  @Test
  void aSecondSyncDuplicatesNothing() throws Exception {
    join(stripe().sync("stripe_customers"));
    join(stripe().sync("stripe_charges"));

    // a later sync reads Stripe's Events API, which stripe-stateful-mock does not have (see
    // StripeFreshnessTest for that path); a full re-listing must duplicate nothing either
    SyncResult customers =
        join(stripe().sync("stripe_customers", ConnectorProtocol.SyncOptions.FULL));
    SyncResult again = join(stripe().sync("stripe_charges", ConnectorProtocol.SyncOptions.FULL));

    assertThat(customers.inserted()).isZero();
    assertThat(customers.unchanged()).isEqualTo(260);
    assertThat(customers.deleted()).isZero();
    assertThat(again.inserted()).isZero();
    assertThat(count("SELECT count(*) FROM stripe_customers")).isEqualTo(260);
    assertThat(count("SELECT count(*) FROM stripe_charges")).isEqualTo(120);
  }

  /** Refunds a charge: refused while the administrator says no, then sent once they say yes. */
  private ActionResult refundNeedingTheAdministrator(String charge) throws Exception {
    adminSays = false;
    assertThatThrownBy(
            () -> join(stripe().execute("create_refund", Map.of("charge", charge, "amount", 500))))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageStartingWith(
            "action 'create_refund' of stripe in pocket 'My Business' was refused and not sent: restricted"
                + " actions need an administrator's approval, which was not given");
    assertThat(stripe.get("/v1/refunds?charge=" + charge)).contains("\"data\":[]");

    adminSays = true;
    return join(
        stripe()
            .execute(
                "create_refund",
                Map.of("charge", charge, "amount", 500, "reason", "requested_by_customer")));
  }

  @Test
  void aRefundNeedsAnAdministratorAndIsSentOnlyThen() throws Exception {
    String charge = charges.get(0);

    ActionResult result = refundNeedingTheAdministrator(charge);

    assertThat(result.json().get("status").asText()).isEqualTo("succeeded");
    assertThat(result.json().get("amount").asLong()).isEqualTo(500);
    assertThat(stripe.get("/v1/refunds?charge=" + charge)).contains("\"amount\":500");
  }

  @Test
  void theAuditTrailRecordsEveryStepWithoutTheKey() throws Exception {
    join(stripe().sync("stripe_customers"));
    join(stripe().sync("stripe_charges"));
    refundNeedingTheAdministrator(charges.get(1)); // a charge no other test refunds

    List<AuditEntry> entries = paw.audit(pocket).read(AuditQuery.recent().limit(50));

    assertThat(entries)
        .extracting(
            e -> e.kind() + " " + (e.target() == null ? "-" : e.target()) + " " + e.outcome())
        .containsExactly(
            "ACTION create_refund OK",
            "ACTION create_refund REFUSED",
            "SYNC stripe_charges OK",
            "SYNC stripe_customers OK",
            "CONNECT - OK");
    assertThat(entries.get(0).decision()).isEqualTo("admin_approved");
    assertThat(entries)
        .allSatisfy(e -> assertThat(e.toString()).doesNotContain(StripeMock.SECRET_KEY));
    assertThat(paw.audit(pocket).verify().intact()).isTrue();
  }
}
