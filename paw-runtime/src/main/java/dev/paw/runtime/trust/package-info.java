/**
 * API: trust levels and approval. {@code auto} runs; {@code confirm} runs when the {@link
 * dev.paw.runtime.trust.Approver} approves this call; {@code restricted} runs only when the
 * separate {@link dev.paw.runtime.trust.AdminApprover} approves. The default approvers deny, so
 * nothing that needs a human runs without one. Connecting a connector approves its definition as it
 * is: a definition that later gives it more (a lower trust level, a new host or credential) is
 * refused with a {@link dev.paw.runtime.trust.ConnectorChangedException} until the user reviews the
 * {@link dev.paw.runtime.trust.PinChange}s ({@link dev.paw.runtime.Paw#pinChanges}) and connects
 * again. The gate and the stored pin that enforce this are internal ({@code
 * dev.paw.runtime.internal.trust}).
 */
package dev.paw.runtime.trust;
