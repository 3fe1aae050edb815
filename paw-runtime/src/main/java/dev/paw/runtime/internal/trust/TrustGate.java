package dev.paw.runtime.internal.trust;

import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.runtime.trust.AdminApprover;
import dev.paw.runtime.trust.ApprovalRequest;
import dev.paw.runtime.trust.Approver;
import dev.paw.spec.TrustLevel;
import java.util.function.BooleanSupplier;

/**
 * Decides whether an action call may run, from its trust level and the approvers' answers. Check
 * before building or sending anything: {@link #enforce} throws for a refused call, so the request
 * is never made.
 */
public final class TrustGate {

  private final Approver approver;
  private final AdminApprover admin;

  /** A gate that runs {@code auto} calls only: the default approvers deny. */
  public TrustGate() {
    this(Approver.DENY, AdminApprover.DENY);
  }

  /** Why a confirm action was refused, and how to approve one. */
  static final String CONFIRM_REFUSED =
      "confirm actions need the user's approval, which was not given; to approve them, give"
          + " PawBuilder.approver(...) in a host application, or at the command line answer the"
          + " prompt or pass --yes";

  /** Why a restricted action was refused, and how to approve one. */
  static final String RESTRICTED_REFUSED =
      "restricted actions need an administrator's approval, which was not given; to approve"
          + " them, give PawBuilder.adminApprover(...) in a host application, or at the command"
          + " line set the pocket's administrator secret once (paw admin set-secret --pocket"
          + " POCKET) and give it in PAW_ADMIN_SECRET or at the prompt (--yes never approves"
          + " them)";

  public TrustGate(Approver approver, AdminApprover admin) {
    this.approver = approver == null ? Approver.DENY : approver;
    this.admin = admin == null ? AdminApprover.DENY : admin;
  }

  /** The decision for this call; asks the approver its level needs. Never throws. */
  public TrustDecision check(ApprovalRequest request) {
    TrustLevel level = request.trustLevel();
    return switch (level) {
      case AUTO -> new TrustDecision(level, TrustDecision.Outcome.AUTO, "trust level auto");
      case CONFIRM ->
          ask(() -> approver.approve(request))
              ? new TrustDecision(level, TrustDecision.Outcome.APPROVED, "approved by the user")
              : new TrustDecision(level, TrustDecision.Outcome.DENIED, CONFIRM_REFUSED);
      case RESTRICTED ->
          ask(() -> admin.approve(request))
              ? new TrustDecision(
                  level, TrustDecision.Outcome.ADMIN_APPROVED, "approved by an administrator")
              : new TrustDecision(level, TrustDecision.Outcome.DENIED, RESTRICTED_REFUSED);
    };
  }

  /** The decision for this call, or an {@link ActionRefusedException} when it is denied. */
  public TrustDecision enforce(ApprovalRequest request) {
    TrustDecision decision = check(request);
    if (!decision.allowed()) {
      throw new ActionRefusedException(request, decision.reason());
    }
    return decision;
  }

  /**
   * The decision for an action a sync calls once per listed record (a stream's {@code each}): only
   * {@code auto} ones run, because nobody can approve every record of an unattended run. Throws an
   * {@link ActionRefusedException} for any other level, without asking an approver (one yes must
   * not stand for thousands of calls).
   */
  public TrustDecision enforceForEveryRecord(ApprovalRequest request) {
    if (request.trustLevel() == TrustLevel.AUTO) {
      return new TrustDecision(TrustLevel.AUTO, TrustDecision.Outcome.AUTO, "trust level auto");
    }
    throw new ActionRefusedException(
        request,
        "a sync calls it once per listed record with nobody to approve, and only"
            + " 'auto' actions may be called so");
  }

  /** An approver that throws has not approved. */
  private static boolean ask(BooleanSupplier question) {
    try {
      return question.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
