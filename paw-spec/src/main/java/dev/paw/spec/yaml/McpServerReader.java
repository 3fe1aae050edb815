package dev.paw.spec.yaml;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.ContentType;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.McpServerSpec;
import dev.paw.spec.PaginationSpec;
import dev.paw.spec.ParamIn;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.TrustLevel;
import dev.paw.spec.read.ReadAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code mcp_server}: the command that starts an MCP server, the credentials it gets as
 * environment variables, and its allow-list of tools, each of which becomes a {@code LOCAL} action.
 */
final class McpServerReader {

  static final List<String> KEYS = List.of("command", "args", "env", "tools");
  static final List<String> TOOL_KEYS = List.of("name", "trust_level", "description", "params");

  /** What was read: the server, or {@code null}, and one action per allowed tool. */
  record Result(McpServerSpec server, List<ReadAction> actions) {}

  private final YamlReader reader;
  private final ParamReader params;

  McpServerReader(YamlReader reader) {
    this.reader = reader;
    this.params = new ParamReader(reader);
  }

  /**
   * Reads {@code node}; every name in {@code env} must be one of the credentials {@code auth}
   * declares, so that {@code paw connect} asks for it and stores it encrypted.
   */
  Result read(Node node, AuthSpec auth) {
    if (node == null || reader.isNull(node)) {
      return new Result(null, List.of());
    }
    YamlMapping m = reader.mapping(node, "'mcp_server'", "in mcp_server");
    if (m == null) {
      return new Result(null, List.of());
    }
    m.checkKeys(KEYS);
    String command = null;
    if (m.present("command") == null) {
      reader.error(
          m.node(),
          "mcp_server has no 'command' (the program that starts the server, e.g. 'command: node')");
    } else {
      command = reader.string(m.value("command"), "'command' of mcp_server");
      if (command != null && command.isBlank()) {
        reader.error(m.value("command"), "the 'command' of mcp_server is empty");
      }
    }
    List<String> args = reader.strings(m.present("args"), "'args' of mcp_server");
    List<String> env = env(m.present("env"), auth);
    List<McpServerSpec.Tool> tools = new ArrayList<>();
    List<ReadAction> actions = new ArrayList<>();
    tools(m.present("tools"), m, tools, actions);
    return new Result(new McpServerSpec(m.location(), command, args, env, tools), actions);
  }

  private void tools(
      Node node, YamlMapping server, List<McpServerSpec.Tool> tools, List<ReadAction> actions) {
    if (node == null) {
      reader.error(
          server.node(),
          "mcp_server has no 'tools': list the tools paw may call (any other is refused)");
      return;
    }
    List<Node> items = reader.list(node, "'tools' of mcp_server");
    if (items == null) {
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    int index = 0;
    for (Node item : items) {
      index++;
      YamlMapping t = reader.mapping(item, "tool #" + index, "in tool #" + index);
      if (t == null) {
        continue;
      }
      Node nameNode = t.present("name");
      if (nameNode == null) {
        reader.error(item, "tool #" + index + " of mcp_server has no 'name'");
        t.checkKeys(TOOL_KEYS);
        continue;
      }
      String name = reader.string(nameNode, "'name' of tool #" + index);
      if (name == null) {
        continue;
      }
      YamlMapping named = t.withContext("in tool '" + name + "'");
      named.checkKeys(TOOL_KEYS);
      String action = McpServerSpec.Tool.actionName(name);
      if (!name.matches("[A-Za-z0-9_.-]{1,128}") || !action.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        reader.error(
            nameNode,
            "tool name '"
                + name
                + "' is not a valid name: letters, digits, '_', '-' and '.', starting with a"
                + " letter or '_', at most 128 characters");
        continue;
      }
      Integer first = seen.putIfAbsent(action, reader.location(nameNode).line());
      if (first != null) {
        reader.error(
            nameNode,
            "duplicate tool '"
                + name
                + "' (its action '"
                + action
                + "' is first defined at line "
                + first
                + ")");
        continue;
      }
      String what = "tool '" + name + "'";
      TrustLevel trust = ActionReader.trust(reader, named, what);
      String description =
          named.present("description") == null
              ? null
              : DisplayText.read(
                  reader,
                  named.value("description"),
                  "'description' of " + what,
                  DisplayText.Lines.MANY);
      List<ParamSpec> body = params.read(named.value("params"), "params", action, ParamIn.BODY);
      tools.add(new McpServerSpec.Tool(reader.location(nameNode), name, action, trust));
      ActionSpec spec =
          new ActionSpec(
              reader.location(nameNode),
              action,
              description,
              HttpMethod.LOCAL,
              null,
              List.of(),
              body,
              trust,
              ContentType.JSON,
              null,
              null,
              null,
              false,
              PaginationSpec.none(named.location()));
      actions.add(new ReadAction(spec, null, null));
    }
  }

  private List<String> env(Node node, AuthSpec auth) {
    List<String> names = reader.strings(node, "'env' of mcp_server");
    if (node == null) {
      return names;
    }
    List<Node> items = reader.list(node, "'env' of mcp_server");
    for (int i = 0; i < names.size() && items != null && i < items.size(); i++) {
      String name = names.get(i);
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        reader.error(
            items.get(i),
            "env name '"
                + name
                + "' is not a credential name: letters, digits and '_', not starting with a digit");
      } else if (name.toUpperCase(Locale.ROOT).startsWith("PAW_")) {
        reader.error(
            items.get(i), "env name '" + name + "' starts with 'PAW_', which is paw's own");
      } else if (auth == null || auth.credential(name).isEmpty()) {
        reader.error(
            items.get(i),
            "env name '"
                + name
                + "' is not a credential of this connector; declare it under auth.credentials"
                + " (with method: none when the server is all there is)");
      }
    }
    return names;
  }
}
