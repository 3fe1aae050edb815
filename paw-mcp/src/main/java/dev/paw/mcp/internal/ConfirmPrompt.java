package dev.paw.mcp.internal;

/**
 * Asks the human behind an MCP client whether one {@code confirm} call may run. The server depends
 * on this interface only, so the way of asking can change without touching the trust flow: today it
 * is MCP elicitation (a server-to-client request, {@link ElicitationPrompt}); the next MCP revision
 * replaces server-to-client requests with multi-round-trip requests.
 */
@FunctionalInterface
public interface ConfirmPrompt {

  /** How the human answered. Only {@link #ACCEPTED} lets the call run. */
  enum Answer {
    ACCEPTED,
    DECLINED,
    CANCELLED,
    /** The client cannot ask its user (it did not declare the capability). */
    UNAVAILABLE,
    /** Asking failed (timeout, broken connection, malformed answer). */
    FAILED
  }

  Answer ask(ConfirmQuestion question);
}
