package dev.paw.runtime.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.ConnectOptions;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.InMemoryCredentialStore;
import dev.paw.runtime.credentials.Secret;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in Stripe connector (connectors/stripe.yaml) against stripe-stateful-mock, a third-party Stripe API
 * mock, on 127.0.0.1: several pages of customers and charges, a re-sync that duplicates nothing, and a refund that
 * only an administrator can approve, all in the audit trail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StripeConnectorMockTest {

  private static StripeMock stripe;
  private static List<String> charges;
  private static Paw paw;
  private static Pocket pocket;
  private static boolean adminSays;

  @BeforeAll
  static void startAndSeed(@TempDir Path home) throws Exception {
    stripe = StripeMock.start();
    stripe.seedCustomers(260);
    charges = stripe.seedCharges(120);
    Path connectors = Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors");
    paw = Paw.builder()
        .home(PawHome.at(home))
        .credentials(new InMemoryCredentialStore())
        .connectorFolders(List.of(connectors))
        .approver(request -> true)
        .adminApprover(request -> adminSays)
        .build();
    pocket = paw.pocket("My Business");
    paw.credentials(pocket, "stripe").put("STRIPE_API_KEY", Secret.of(StripeMock.SECRET_KEY));
    join(stripe().connect(ConnectOptions.baseUrl(stripe.apiBase())));
  }

  @AfterAll
  static void stop() throws Exception {
    paw.close();
    stripe.close();
  }

  private static ConnectorProtocol stripe() {
    return paw.connector(pocket, "stripe");
  }

  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection db = pocket.openConnection(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  @Order(1)
  void syncsEveryCustomerAcrossPages() throws Exception {
    SyncResult result = join(stripe().sync("stripe_customers"));

    assertThat(result.error()).isNull();
    assertThat(result.pages()).isEqualTo(3);
    assertThat(result.inserted()).isEqualTo(260);
    assertThat(count("SELECT count(*) FROM stripe_customers")).isEqualTo(260);
    assertThat(count("SELECT count(*) FROM stripe_customers WHERE email LIKE 'user%@example.com'")).isEqualTo(260);
    assertThat(count("SELECT count(*) FROM stripe_customers WHERE json_extract(metadata, '$.seq') = '42'"))
        .isEqualTo(1);
  }

  @Test
  @Order(2)
  void syncsChargesWithTheirCardDetails() throws Exception {
    SyncResult result = join(stripe().sync("stripe_charges"));

    assertThat(result.error()).isNull();
    assertThat(result.pages()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM stripe_charges")).isEqualTo(120);
    assertThat(count("SELECT count(*) FROM stripe_charges WHERE card_brand = 'visa' AND card_last4 = '4242'"
        + " AND paid = 1 AND amount BETWEEN 1001 AND 1120")).isEqualTo(120);
  }

  @Test
  @Order(3)
  void aSecondSyncDuplicatesNothing() throws Exception {
    SyncResult customers = join(stripe().sync("stripe_customers"));
    SyncResult again = join(stripe().sync("stripe_charges"));

    assertThat(customers.inserted()).isZero();
    assertThat(customers.unchanged()).isEqualTo(260);
    assertThat(again.inserted()).isZero();
    assertThat(count("SELECT count(*) FROM stripe_customers")).isEqualTo(260);
    assertThat(count("SELECT count(*) FROM stripe_charges")).isEqualTo(120);
  }

  @Test
  @Order(4)
  void aRefundNeedsAnAdministratorAndIsSentOnlyThen() throws Exception {
    String charge = charges.get(0);
    assertThatThrownBy(() -> join(stripe().execute("create_refund", Map.of("charge", charge, "amount", 500))))
        .isInstanceOf(ActionRefusedException.class);
    assertThat(stripe.get("/v1/refunds?charge=" + charge)).contains("\"data\":[]");

    adminSays = true;
    var result = join(stripe().execute("create_refund", Map.of("charge", charge, "amount", 500,
        "reason", "requested_by_customer")));

    assertThat(result.json().get("status").asText()).isEqualTo("succeeded");
    assertThat(result.json().get("amount").asLong()).isEqualTo(500);
    assertThat(stripe.get("/v1/refunds?charge=" + charge)).contains("\"amount\":500");
  }

  @Test
  @Order(5)
  void theAuditTrailRecordsEveryStepWithoutTheKey() throws Exception {
    List<AuditEntry> entries = paw.audit(pocket).read(AuditQuery.recent().limit(50));

    assertThat(entries).extracting(e -> e.kind() + " " + (e.target() == null ? "-" : e.target()) + " "
        + e.outcome()).containsExactly(
        "ACTION create_refund OK",
        "ACTION create_refund REFUSED",
        "SYNC stripe_charges OK",
        "SYNC stripe_customers OK",
        "SYNC stripe_charges OK",
        "SYNC stripe_customers OK",
        "CONNECT - OK");
    assertThat(entries.get(0).decision()).isEqualTo("admin_approved");
    assertThat(entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain(StripeMock.SECRET_KEY));
    assertThat(paw.audit(pocket).verify().intact()).isTrue();
    assertThat(entries.stream().filter(e -> e.kind() == AuditKind.ACTION && e.outcome() == AuditOutcome.REFUSED))
        .hasSize(1);
  }
}
