package dev.paw.spec.yaml;

import dev.paw.spec.read.ReadAction;
import java.util.ArrayList;
import java.util.List;

/** Adds the actions of an MCP server's tools to the file's own, refusing a name both declare. */
final class McpActions {

  private McpActions() {}

  static List<ReadAction> merge(YamlReader reader, List<ReadAction> own, List<ReadAction> tools) {
    if (tools.isEmpty()) {
      return own;
    }
    List<ReadAction> all = new ArrayList<>(own);
    for (ReadAction tool : tools) {
      String name = tool.action().name();
      own.stream()
          .filter(a -> a.action().name().equals(name))
          .findFirst()
          .ifPresentOrElse(
              a ->
                  reader
                      .diagnostics()
                      .error(
                          tool.action().location(),
                          "tool action '"
                              + name
                              + "' is also declared under actions (line "
                              + a.action().location().line()
                              + "); a name can be used once"),
              () -> all.add(tool));
    }
    return all;
  }
}
