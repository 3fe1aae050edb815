package dev.paw.runtime.trust;

/**
 * Asks an administrator whether one {@code restricted} call may run. A separate type from {@link
 * Approver}, so an ordinary approval can never be passed where an administrator's is needed.
 */
@FunctionalInterface
public interface AdminApprover {

  /** Denies everything: the default. */
  AdminApprover DENY = request -> false;

  /** True to let this call run. An exception counts as a denial. */
  boolean approve(ApprovalRequest request);
}
