package dev.paw.spec;

import java.util.List;
import java.util.Optional;

/**
 * A connector that is an MCP server run by paw ({@code mcp_server} in the file): how to start it,
 * which credentials it gets as environment variables, and which of its tools paw offers, each as a
 * {@code LOCAL} action of the connector.
 *
 * @param command the program that starts the server (stdio transport)
 * @param args its arguments, as written
 * @param env names of credentials passed to the server as environment variables of the same name;
 *     the server gets no other variable of paw's
 * @param tools the allow-list: every tool paw lets callers use; any other is refused
 */
public record McpServerSpec(
    Location location, String command, List<String> args, List<String> env, List<Tool> tools) {

  public McpServerSpec {
    args = List.copyOf(args);
    env = List.copyOf(env);
    tools = List.copyOf(tools);
  }

  /** The allowed tool that action {@code actionName} calls. */
  public Optional<Tool> toolForAction(String actionName) {
    return tools.stream().filter(t -> t.action().equals(actionName)).findFirst();
  }

  /**
   * One allowed tool.
   *
   * @param name the tool's name on the server ({@code get-sum})
   * @param action the name of the action that calls it ({@code get_sum}: '-' and '.' become '_')
   */
  public record Tool(Location location, String name, String action, TrustLevel trustLevel) {

    /** The action name for tool {@code name}: '-' and '.' become '_'. */
    public static String actionName(String name) {
      return name.replace('-', '_').replace('.', '_');
    }
  }
}
