package dev.paw.runtime.trust;

/** An action call was refused by the trust gate; it was not sent. */
public final class ActionRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason why the gate refused, as the audit trail records it
   */
  public ActionRefusedException(ApprovalRequest request, String reason) {
    super(request.subject() + " was refused and not sent: " + reason);
    this.reason = reason;
  }

  /** Why the call was refused ("no approver said yes", ...). */
  public String reason() {
    return reason;
  }
}
