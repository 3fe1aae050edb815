package dev.paw.runtime.internal.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.internal.http.RequestFactory;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.runtime.trust.AdminApprover;
import dev.paw.runtime.trust.ApprovalRequest;
import dev.paw.runtime.trust.Approver;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.TrustLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class TrustGateTest {

  private static final ConnectorSpec STRIPE =
      ConnectorLoader.load(
              """
      name: stripe
      auth:
        method: api_key
        credentials: [{name: STRIPE_API_KEY}]
      actions:
        - name: list_charges
          url: https://api.stripe.com/v1/charges
          trust_level: auto
        - name: create_invoice
          method: POST
          url: https://api.stripe.com/v1/invoices
          content_type: form
          body:
            customer: { type: string, required: true }
          trust_level: confirm
        - name: create_refund
          method: POST
          url: https://api.stripe.com/v1/refunds
          content_type: form
          body:
            charge: { type: string, required: true }
            api_key: { type: string }
          trust_level: restricted
      """,
              "stripe.yaml")
          .orThrow();

  @StartStop public final MockWebServer server = new MockWebServer();

  private final List<ApprovalRequest> asked = new ArrayList<>();

  private static ApprovalRequest request(String action, Map<String, ?> params) {
    ActionSpec spec = STRIPE.action(action).orElseThrow();
    return ApprovalRequests.of(
        "my-business",
        "stripe",
        action,
        spec.description(),
        spec.trustLevel(),
        params,
        Redactor.of(List.of(Secret.of("sk_live_abcdef"))));
  }

  /** What the adapter will do: gate first, then build and send. */
  private int execute(TrustGate gate, String action, Map<String, ?> params) throws IOException {
    gate.enforce(request(action, params));
    RequestFactory factory = new RequestFactory(STRIPE, name -> Optional.empty(), server.url("/"));
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (Response response =
        HttpClients.shared().newCall(factory.create(action, params)).execute()) {
      return response.code();
    }
  }

  @Test
  void autoRunsWithoutAskingAnyone() {
    TrustGate gate =
        new TrustGate(
            r -> {
              throw new AssertionError("asked");
            },
            r -> {
              throw new AssertionError();
            });

    TrustDecision decision = gate.check(request("list_charges", Map.of()));

    assertThat(decision.outcome()).isEqualTo(TrustDecision.Outcome.AUTO);
    assertThat(decision.allowed()).isTrue();
  }

  @Test
  void confirmRunsOnlyWhenTheApproverApprovesThisCall() throws Exception {
    List<Boolean> answers = new ArrayList<>(List.of(true, false));
    TrustGate gate =
        new TrustGate(
            r -> {
              asked.add(r);
              return answers.remove(0);
            },
            AdminApprover.DENY);

    assertThat(execute(gate, "create_invoice", Map.of("customer", "cus_1"))).isEqualTo(200);
    assertThatThrownBy(() -> execute(gate, "create_invoice", Map.of("customer", "cus_2")))
        .isInstanceOf(ActionRefusedException.class);

    assertThat(asked)
        .extracting(r -> r.parameters().get("customer"))
        .containsExactly("cus_1", "cus_2");
    assertThat(server.getRequestCount()).as("only the approved call was sent").isEqualTo(1);
  }

  @Test
  void restrictedNeedsTheAdministratorAndTheOrdinaryApproverCannotGrantIt() throws Exception {
    TrustGate userOnly = new TrustGate(r -> true, AdminApprover.DENY);

    assertThatThrownBy(() -> execute(userOnly, "create_refund", Map.of("charge", "ch_1")))
        .isInstanceOfSatisfying(
            ActionRefusedException.class,
            e -> {
              assertThat(e.reason()).as("denied: the refusal says why").contains("administrator");
              assertThat(e.getMessage())
                  .contains("create_refund", "stripe", "my-business", "administrator");
            });
    assertThat(server.getRequestCount()).isZero();

    TrustGate withAdmin = new TrustGate(r -> false, r -> r.trustLevel() == TrustLevel.RESTRICTED);
    assertThat(withAdmin.check(request("create_refund", Map.of("charge", "ch_1"))).outcome())
        .isEqualTo(TrustDecision.Outcome.ADMIN_APPROVED);
    assertThat(execute(withAdmin, "create_refund", Map.of("charge", "ch_1"))).isEqualTo(200);
  }

  @Test
  void theDefaultGateRefusesEverythingThatNeedsAHuman() {
    TrustGate gate = new TrustGate();

    assertThat(gate.check(request("create_invoice", Map.of("customer", "c"))).allowed()).isFalse();
    assertThat(gate.check(request("create_refund", Map.of("charge", "c"))).allowed()).isFalse();
    assertThat(gate.check(request("list_charges", Map.of())).allowed()).isTrue();
  }

  @Test
  void anApproverThatFailsHasNotApproved() {
    TrustGate gate =
        new TrustGate(
            r -> {
              throw new IllegalStateException("ui closed");
            },
            AdminApprover.DENY);

    assertThat(gate.check(request("create_invoice", Map.of("customer", "c"))).allowed()).isFalse();
  }

  @Test
  void approversSeeRedactedParameters() {
    TrustGate gate =
        new TrustGate(
            r -> false,
            r -> {
              asked.add(r);
              return false;
            });

    gate.check(request("create_refund", Map.of("charge", "ch_sk_live_abcdef", "api_key", "k")));

    assertThat(asked.get(0).parameters())
        .containsEntry("charge", "ch_" + Redactor.MASK)
        .containsEntry("api_key", Redactor.MASK);
  }

  @Test
  void aRefusalSaysHowToApprove() {
    TrustGate gate = new TrustGate(Approver.DENY, AdminApprover.DENY);

    assertThat(gate.check(request("create_refund", Map.of("charge", "ch_1"))).reason())
        .contains(
            "PawBuilder.adminApprover(...)",
            "paw admin set-secret --pocket POCKET",
            "PAW_ADMIN_SECRET",
            "at the prompt");
    assertThat(gate.check(request("create_invoice", Map.of("customer", "cus_1"))).reason())
        .contains("PawBuilder.approver(...)", "--yes", "prompt");
  }
}
