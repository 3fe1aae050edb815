package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.http.ParameterChecker;
import dev.paw.runtime.internal.trust.ApprovalRequests;
import dev.paw.runtime.internal.trust.TrustDecision;
import dev.paw.runtime.internal.trust.TrustGate;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.runtime.trust.ApprovalRequest;
import dev.paw.runtime.trust.ConnectorChangedException;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.HttpMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import okhttp3.Request;

/**
 * Runs one action: checks its parameters and the connection's pin, asks the trust gate, then runs
 * it locally or over HTTP, and audits it whatever happened.
 */
final class ActionRunner {

  private final Pocket pocket;
  private final ConnectorSpec spec;
  private final TrustGate trust;
  private final RuntimeSettings settings;
  private final PinnedConnection connection;
  private final LazyHttp http;
  private final LocalDispatch local;
  private final HttpActionCall call;
  private final AdapterAudit audit;

  ActionRunner(
      Pocket pocket,
      ConnectorSpec spec,
      TrustGate trust,
      RuntimeSettings settings,
      PinnedConnection connection,
      LazyHttp http,
      LocalDispatch local,
      AdapterAudit audit) {
    this.pocket = pocket;
    this.spec = spec;
    this.trust = trust;
    this.settings = settings;
    this.connection = connection;
    this.http = http;
    this.local = local;
    this.call = new HttpActionCall(spec.name(), settings);
    this.audit = audit;
  }

  ActionResult run(String actionName, Map<String, ?> params, Redaction redaction) {
    return run(actionName, params, UnaryOperator.identity(), redaction).result();
  }

  /**
   * Runs an action whose request {@code page} may still change after the parameter check (paging
   * puts the page position into it); answers what was sent, with the URL and {@code Link} headers
   * paging reads.
   */
  HttpActionCall.Sent run(
      String actionName, Map<String, ?> params, UnaryOperator<Request> page, Redaction redaction) {
    ActionSpec action =
        spec.action(actionName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '"
                            + spec.name()
                            + "' has no action '"
                            + actionName
                            + "' (it has: "
                            + spec.actions().stream()
                                .map(ActionSpec::name)
                                .collect(Collectors.joining(", "))
                            + ")"));
    Instant started = settings.clock().instant();
    TrustDecision decision = null;
    try {
      connection.approvedPin();
      if (action.method() == HttpMethod.LOCAL) {
        Map<String, Object> values = ParameterChecker.checked(action, params);
        decision = trust.enforce(approval(action, values, redaction.current()));
        ActionResult result = local.run(action, values);
        audit.action(action, values, decision, AuditOutcome.OK, null, started, redaction.current());
        return new HttpActionCall.Sent(result, null, List.of());
      }
      Request request = page.apply(http.get().requests().create(action, params));
      decision = trust.enforce(approval(action, params, redaction.current()));
      HttpActionCall.Sent sent =
          call.sent(action, request, started, http.get().client(), redaction);
      audit.action(action, params, decision, AuditOutcome.OK, null, started, redaction.current());
      return sent;
    } catch (ActionRefusedException e) {
      TrustDecision denied =
          new TrustDecision(action.trustLevel(), TrustDecision.Outcome.DENIED, e.reason());
      audit.action(
          action,
          params,
          denied,
          AuditOutcome.REFUSED,
          e.getMessage(),
          started,
          redaction.current());
      throw e;
    } catch (ConnectorChangedException e) {
      audit.action(
          action, params, null, AuditOutcome.REFUSED, e.getMessage(), started, redaction.current());
      throw e;
    } catch (RuntimeException e) {
      audit.action(
          action,
          params,
          decision,
          AuditOutcome.ERROR,
          e.getMessage(),
          started,
          redaction.current());
      throw e;
    }
  }

  /** What the trust gate is asked about a call of {@code action}. */
  ApprovalRequest approval(ActionSpec action, Map<String, ?> params, Redactor redactor) {
    return ApprovalRequests.of(
        pocket.slug(),
        pocket.name(),
        spec.name(),
        action.name(),
        action.description(),
        action.trustLevel(),
        params,
        redactor);
  }
}
