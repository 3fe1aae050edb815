package dev.paw.runtime.trust;

/** An action call was refused by the trust gate; it was not sent. */
public final class ActionRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient TrustDecision decision;

  public ActionRefusedException(ApprovalRequest request, TrustDecision decision) {
    super(request.subject() + " was refused and not sent: " + decision.reason());
    this.decision = decision;
  }

  public TrustDecision decision() {
    return decision;
  }
}
