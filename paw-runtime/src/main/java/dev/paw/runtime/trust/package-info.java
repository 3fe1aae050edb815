/**
 * Trust levels enforced: {@link dev.paw.runtime.internal.trust.TrustGate} decides whether an action call may reach the
 * network. {@code auto} runs; {@code confirm} runs when the {@link dev.paw.runtime.trust.Approver} approves this
 * call; {@code restricted} runs only when the separate {@link dev.paw.runtime.trust.AdminApprover} approves. The
 * default approvers deny, so nothing that needs a human runs without one.
 */
package dev.paw.runtime.trust;
