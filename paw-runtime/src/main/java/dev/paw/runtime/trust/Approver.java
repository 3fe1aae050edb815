package dev.paw.runtime.trust;

/**
 * Asks the user whether one {@code confirm} call may run. It is asked for every call: an approval
 * covers that call only. It cannot approve {@code restricted} calls; those go to an {@link
 * AdminApprover}.
 */
@FunctionalInterface
public interface Approver {

  /** Denies everything: the default, so that nothing runs unapproved when no approver is set. */
  Approver DENY = request -> false;

  /** True to let this call run. An exception counts as a denial. */
  boolean approve(ApprovalRequest request);
}
