/**
 * API: trust levels and approval. {@code auto} runs; {@code confirm} runs when the
 * {@link dev.paw.runtime.trust.Approver} approves this call; {@code restricted} runs only when the separate
 * {@link dev.paw.runtime.trust.AdminApprover} approves. The default approvers deny, so nothing that needs a human
 * runs without one. The gate that enforces this is internal ({@code dev.paw.runtime.internal.trust}).
 */
package dev.paw.runtime.trust;
