package dev.paw.mcp.internal;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.TrustLevel;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * One tool per action of every connected connector ({@code stripe_list_customers}). A call runs
 * through the runtime, so the trust gate, the parameter checks and the audit trail are the ones
 * {@code paw run} uses.
 */
public final class ActionTools {

  private final ConnectedConnectors connectors;
  private final Sessions sessions;

  public ActionTools(ConnectedConnectors connectors, Sessions sessions) {
    this.connectors = connectors;
    this.sessions = sessions;
  }

  /** The tools, with names unique among themselves and {@code taken}. */
  public List<SyncToolSpecification> tools(Set<String> taken) {
    List<SyncToolSpecification> tools = new ArrayList<>();
    Set<String> used = new java.util.HashSet<>(taken);
    for (ConnectorSpec spec : connectors.specs()) {
      for (ActionSpec action : spec.actions()) {
        String name = unique(ToolText.toolName(spec.name(), action.name()), used);
        McpSchema.Tool tool =
            McpSchema.Tool.builder()
                .name(name)
                .title(title(spec) + ": " + action.name())
                .description(description(spec, action))
                .inputSchema(InputSchemas.of(action))
                .annotations(annotations(spec, action))
                .build();
        tools.add(
            SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(exchange, request, spec, action))
                .build());
      }
    }
    return tools;
  }

  private CallToolResult call(
      McpSyncServerExchange exchange,
      McpSchema.CallToolRequest request,
      ConnectorSpec spec,
      ActionSpec action) {
    SessionPaw session = sessions.of(exchange);
    Map<String, Object> args =
        request.arguments() == null ? Map.of() : new LinkedHashMap<>(request.arguments());
    ElicitationPrompt prompt = new ElicitationPrompt(exchange);
    return session.exclusive(
        prompt,
        () -> {
          Paw paw = session.paw();
          Pocket pocket = paw.pocket(connectors.pocketName());
          if (touchesFiles(action)) {
            ConfirmPrompt.Answer answer = prompt.ask(fileQuestion(spec, action, args));
            if (answer != ConfirmPrompt.Answer.ACCEPTED) {
              return ToolResults.error(
                  Refusals.of(spec, action, connectors.pocketName(), answer)
                      + " (over MCP, an action that reads or writes a file on this machine is"
                      + " asked first, whatever its trust level)");
            }
          }
          try {
            ActionResult result =
                paw.connector(pocket, spec.name())
                    .execute(action.name(), args)
                    .toCompletableFuture()
                    .join();
            return ToolResults.of(result, SecretMask.of(paw, pocket, spec));
          } catch (CompletionException e) {
            return masked(
                failure(e.getCause() == null ? e : e.getCause(), spec, action, session),
                paw,
                pocket,
                spec);
          } catch (RuntimeException e) {
            return masked(failure(e, spec, action, session), paw, pocket, spec);
          }
        });
  }

  private CallToolResult failure(
      Throwable error, ConnectorSpec spec, ActionSpec action, SessionPaw session) {
    if (error instanceof ActionRefusedException) {
      return ToolResults.error(
          Refusals.of(spec, action, connectors.pocketName(), session.lastAnswer()));
    }
    if (error instanceof ActionFailedException failed) {
      return ToolResults.error(
          title(spec)
              + " answered "
              + (failed.status() == 0 ? "nothing" : "HTTP " + failed.status())
              + ": "
              + failed.getMessage());
    }
    return ToolResults.error(
        "'" + action.name() + "' of " + spec.name() + " failed: " + error.getMessage());
  }

  /**
   * An {@code auto} action run inside paw that names a file ({@code path} or {@code *_path}): it
   * reads or writes any file the user can (the file connector's import and export), so over MCP the
   * human is asked first, as for {@code confirm}.
   */
  static boolean touchesFiles(ActionSpec action) {
    return action.method() == HttpMethod.LOCAL
        && action.trustLevel() == TrustLevel.AUTO
        && action.allParams().stream()
            .anyMatch(p -> p.name().equals("path") || p.name().endsWith("_path"));
  }

  private ConfirmQuestion fileQuestion(
      ConnectorSpec spec, ActionSpec action, Map<String, Object> args) {
    return new ConfirmQuestion(
        title(spec),
        spec.name(),
        action.name(),
        action.description(),
        "LOCAL",
        "files on this machine",
        args,
        connectors.pocketName());
  }

  /** An error whose text passed through the connection's mask (the runtime masked most already). */
  private static CallToolResult masked(
      CallToolResult error, Paw paw, Pocket pocket, ConnectorSpec spec) {
    String text = ((McpSchema.TextContent) error.content().get(0)).text();
    return ToolResults.error(SecretMask.of(paw, pocket, spec).redact(text));
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      String suffix = "_" + i;
      candidate = name.substring(0, Math.min(name.length(), 64 - suffix.length())) + suffix;
    }
    return candidate;
  }

  private static String title(ConnectorSpec spec) {
    return ToolText.clean(spec.displayName() == null ? spec.name() : spec.displayName(), 80);
  }

  /** The file's description (untrusted text, cleaned), then what paw itself says of the action. */
  private String description(ConnectorSpec spec, ActionSpec action) {
    String own =
        action.description() == null ? action.name() : ToolText.clean(action.description(), 1000);
    String trust =
        switch (action.trustLevel()) {
          case AUTO ->
              touchesFiles(action)
                  ? "it reads or writes a file on this machine, so the user is asked first"
                  : "runs without asking";
          case CONFIRM ->
              "the user is asked through the MCP client before anything is sent (clients without"
                  + " elicitation are refused)";
          case RESTRICTED ->
              "only an administrator at a terminal can run it; calls from MCP are refused";
        };
    String where =
        action.method() == HttpMethod.LOCAL
            ? "local to the pocket"
            : action.method().name() + " " + connectors.target(spec, action);
    return own
        + "\n[paw: "
        + title(spec)
        + ", "
        + where
        + "; trust level "
        + action.trustLevel().wireName()
        + ": "
        + trust
        + "]";
  }

  private static McpSchema.ToolAnnotations annotations(ConnectorSpec spec, ActionSpec action) {
    // LOCAL actions may write to the pocket (imports, drops): only an auto GET is a read
    boolean read = action.trustLevel() == TrustLevel.AUTO && action.method() == HttpMethod.GET;
    boolean destructive =
        action.method() == HttpMethod.DELETE || action.trustLevel() == TrustLevel.RESTRICTED;
    return McpSchema.ToolAnnotations.builder()
        .title(title(spec) + ": " + action.name())
        .readOnlyHint(read)
        .destructiveHint(read ? null : destructive)
        .idempotentHint(read ? Boolean.TRUE : null)
        .openWorldHint(action.method() != HttpMethod.LOCAL)
        .build();
  }
}
