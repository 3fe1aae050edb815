package dev.paw.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.LocalActions;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.McpServerSpec;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The allowed tools of one MCP server for one connection. The server is started on the first call
 * (stdio), with only the declared credentials (and the system's own variables such as {@code PATH})
 * in its environment, and stopped by {@link #close()}. A tool not on the allow-list is never sent;
 * credential values are masked out of every answer and message.
 */
final class McpServerActions implements LocalActions, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String connector;
  private final McpServerSpec server;
  private final ScopedCredentials credentials;
  private McpSyncClient client;
  private Set<String> offered;
  private boolean closed;

  McpServerActions(String connector, McpServerSpec server, ScopedCredentials credentials) {
    this.connector = connector;
    this.server = server;
    this.credentials = credentials;
  }

  @Override
  public ActionResult run(ActionSpec action, Map<String, Object> params, Pocket pocket)
      throws Exception {
    long start = System.nanoTime();
    McpServerSpec.Tool tool =
        server
            .toolForAction(action.name())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'" + action.name() + "' is not a tool " + connector + " allows"));
    Map<String, String> env = environment();
    McpSyncClient running = client(env);
    if (!offered.contains(tool.name())) {
      throw new IllegalStateException(
          "the MCP server of " + connector + " offers no tool '" + tool.name() + "'");
    }
    McpSchema.CallToolResult result;
    try {
      result =
          running.callTool(
              new McpSchema.CallToolRequest.Builder()
                  .name(tool.name())
                  .arguments(new LinkedHashMap<>(params))
                  .build());
    } catch (RuntimeException e) {
      // the server's words may repeat what it was given
      throw new IllegalStateException(
          "tool '"
              + tool.name()
              + "' of "
              + connector
              + " failed: "
              + mask(String.valueOf(e.getMessage()), env));
    }
    JsonNode json = JSON.readTree(mask(JSON.writeValueAsString(result), env));
    if (Boolean.TRUE.equals(result.isError())) {
      throw new IllegalStateException(
          "tool '" + tool.name() + "' of " + connector + " failed: " + text(json));
    }
    return ActionResult.ofJson(action.name(), json, Duration.ofNanos(System.nanoTime() - start));
  }

  private static String text(JsonNode json) {
    List<String> texts = new ArrayList<>();
    json.path("content").forEach(c -> texts.add(c.path("text").asText("")));
    return String.join(" ", texts).strip();
  }

  /** The declared credentials by name; a missing one stops the call with its name. */
  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : server.env()) {
      env.put(name, credentials.require(name).reveal());
    }
    return env;
  }

  private static String mask(String text, Map<String, String> env) {
    String masked = text;
    for (String value : env.values()) {
      if (value.length() >= 4) {
        masked = masked.replace(value, "***");
        String escaped = JSON.valueToTree(value).toString();
        escaped = escaped.substring(1, escaped.length() - 1);
        masked = masked.replace(escaped, "***");
      }
    }
    return masked;
  }

  private synchronized McpSyncClient client(Map<String, String> env) {
    if (closed) {
      throw new IllegalStateException("the connection to " + connector + " is closed");
    }
    if (client == null) {
      ServerParameters parameters =
          ServerParameters.builder(server.command()).args(server.args()).env(env).build();
      StdioClientTransport transport = new OwnEnvironmentTransport(parameters);
      transport.setStdErrorHandler(line -> {});
      McpSyncClient made =
          McpClient.sync(transport)
              .requestTimeout(TIMEOUT)
              .initializationTimeout(TIMEOUT)
              .clientInfo(new McpSchema.Implementation("paw", "paw", "0.1.0"))
              .build();
      try {
        made.initialize();
        offered =
            made.listTools().tools().stream()
                .map(McpSchema.Tool::name)
                .collect(Collectors.toUnmodifiableSet());
      } catch (RuntimeException e) {
        made.close();
        throw new IllegalStateException(
            "the MCP server of "
                + connector
                + " ("
                + server.command()
                + ") did not start: "
                + mask(String.valueOf(e.getMessage()), env));
      }
      client = made;
    }
    return client;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.closeGracefully();
      client = null;
    }
  }

  /** The stdio transport, starting the server without paw's environment variables. */
  private static final class OwnEnvironmentTransport extends StdioClientTransport {

    OwnEnvironmentTransport(ServerParameters parameters) {
      super(parameters, McpJsonDefaults.getMapper());
    }

    @Override
    protected ProcessBuilder getProcessBuilder() {
      ProcessBuilder builder = new ProcessBuilder();
      builder.environment().clear();
      return builder;
    }
  }
}
