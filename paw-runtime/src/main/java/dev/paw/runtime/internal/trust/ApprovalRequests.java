package dev.paw.runtime.internal.trust;

import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.trust.ApprovalRequest;
import dev.paw.spec.TrustLevel;
import java.util.Map;

/** Builds the {@link ApprovalRequest} an approver sees, its parameters redacted. */
public final class ApprovalRequests {

  private ApprovalRequests() {}

  /**
   * A request with {@code parameters} passed through {@code redactor}, naming the pocket by slug.
   */
  public static ApprovalRequest of(
      String pocket,
      String connector,
      String action,
      String description,
      TrustLevel trustLevel,
      Map<String, ?> parameters,
      Redactor redactor) {
    return of(pocket, pocket, connector, action, description, trustLevel, parameters, redactor);
  }

  /**
   * A request with {@code parameters} passed through {@code redactor}; its messages name the pocket
   * {@code pocketName}.
   */
  public static ApprovalRequest of(
      String pocket,
      String pocketName,
      String connector,
      String action,
      String description,
      TrustLevel trustLevel,
      Map<String, ?> parameters,
      Redactor redactor) {
    return new ApprovalRequest(
        pocket,
        connector,
        action,
        description,
        trustLevel,
        redactor.redactParams(parameters),
        pocketName);
  }
}
