package dev.paw.mcp.internal;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.TrustLevel;

/**
 * What the agent is told when the trust gate refused a call. Every message says nothing was sent.
 */
final class Refusals {

  private Refusals() {}

  static String of(
      ConnectorSpec spec, ActionSpec action, String pocket, ConfirmPrompt.Answer answer) {
    String subject = "'" + action.name() + "' of " + spec.name();
    if (action.trustLevel() == TrustLevel.RESTRICTED) {
      return "Refused: "
          + subject
          + " is restricted. Neither an agent nor its MCP client can approve a restricted action;"
          + " an administrator runs it at a terminal with the pocket's administrator secret: paw"
          + " run "
          + spec.name()
          + " "
          + action.name()
          + " --pocket \""
          + pocket
          + "\" -p KEY=VALUE ... Nothing was sent.";
    }
    if (answer == null) {
      return "Refused: " + subject + " was not approved. Nothing was sent.";
    }
    return switch (answer) {
      case UNAVAILABLE ->
          "Refused: "
              + subject
              + " has trust level confirm, so the user must approve each call, and this MCP client"
              + " cannot ask the user (it did not declare the elicitation capability). Nothing was"
              + " sent. Use a client that supports elicitation, or run it at a terminal: paw run "
              + spec.name()
              + " "
              + action.name()
              + " --pocket \""
              + pocket
              + "\"";
      case DECLINED -> "The user declined " + subject + ". Nothing was sent.";
      case CANCELLED -> "The user cancelled the question about " + subject + ". Nothing was sent.";
      case FAILED ->
          "Refused: "
              + subject
              + " needs the user's approval and asking through the client failed. Nothing was"
              + " sent.";
      case ACCEPTED -> "Refused: " + subject + " was not approved. Nothing was sent.";
    };
  }
}
