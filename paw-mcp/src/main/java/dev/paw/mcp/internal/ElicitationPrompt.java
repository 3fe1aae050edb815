package dev.paw.mcp.internal;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * Asks through MCP elicitation: a form with one required {@code confirm} checkbox. Only an accepted
 * form with the box ticked approves, so a client that accepts forms without showing them approves
 * nothing.
 */
final class ElicitationPrompt implements ConfirmPrompt {

  static final String FIELD = "confirm";

  private final McpSyncServerExchange exchange;

  ElicitationPrompt(McpSyncServerExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public Answer ask(ConfirmQuestion question) {
    McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
    if (capabilities == null || capabilities.elicitation() == null) {
      return Answer.UNAVAILABLE;
    }
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                FIELD,
                Map.of(
                    "type",
                    "boolean",
                    "title",
                    "Send it",
                    "description",
                    "Tick to send this request once")),
            "required",
            List.of(FIELD));
    McpSchema.ElicitResult result;
    try {
      result =
          exchange.createElicitation(
              McpSchema.ElicitRequest.builder(question.message(), schema).build());
    } catch (RuntimeException e) {
      return Answer.FAILED;
    }
    if (result == null || result.action() == null) {
      return Answer.FAILED;
    }
    return switch (result.action()) {
      case ACCEPT ->
          result.content() != null && Boolean.TRUE.equals(result.content().get(FIELD))
              ? Answer.ACCEPTED
              : Answer.DECLINED;
      case DECLINE -> Answer.DECLINED;
      case CANCEL -> Answer.CANCELLED;
    };
  }
}
