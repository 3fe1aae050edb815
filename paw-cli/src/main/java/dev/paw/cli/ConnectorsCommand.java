package dev.paw.cli;

import dev.paw.runtime.Paw;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.SurfaceProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code paw connectors}: the connectors paw can run, and how each pocket's connections are doing.
 */
@Command(
    name = "connectors",
    description = "List connectors, or show the status of connections.",
    subcommands = {ConnectorsCommand.ListCommand.class, StatusCommand.class})
final class ConnectorsCommand {

  /** {@code paw connectors list}. */
  @Command(
      name = "list",
      description =
          "Every connector paw finds: compiled in, ./connectors and $PAW_HOME/connectors.")
  static final class ListCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin JsonOption json;

    ListCommand(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Paw paw = context.paw();
      List<Map<String, Object>> connectors = new ArrayList<>();
      for (RegisteredConnector connector : paw.connectors()) {
        ConnectorSpec spec = connector.spec();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", spec.name());
        row.put("display_name", spec.displayName());
        row.put("type", spec.type());
        row.put("icon", spec.icon());
        row.put("senses", spec.senses());
        row.put("surface_profile", surfaceProfile(spec.surfaceProfile()));
        row.put("auth", spec.auth().method().wireName());
        row.put("actions", spec.actions().size());
        row.put(
            "tables",
            spec.streams().stream().filter(StreamSpec::isRunnable).map(StreamSpec::table).toList());
        row.put("origin", connector.origin());
        connectors.add(row);
      }
      if (json.enabled) {
        Output.json(context.terminal().out(), connectors);
      } else {
        Output.table(
            context.terminal().out(),
            List.of("NAME", "DISPLAY NAME", "TYPE", "AUTH", "ACTIONS", "TABLES", "FROM"),
            connectors.stream()
                .map(
                    c ->
                        List.of(
                            c.get("name"),
                            c.get("display_name"),
                            c.get("type") == null ? "-" : c.get("type"),
                            c.get("auth"),
                            c.get("actions"),
                            String.join(",", castList(c.get("tables"))),
                            c.get("origin")))
                .toList());
      }
      paw.connectorProblems().forEach(p -> context.terminal().err().println("paw: skipped " + p));
      return ExitCodes.OK;
    }

    /** PocketPaw's agent surface settings as the file wrote them, or {@code null}. */
    private static Map<String, Object> surfaceProfile(SurfaceProfile profile) {
      if (profile == null) {
        return null;
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("skill", profile.skill());
      json.put("allow_tools", profile.allowTools());
      json.put("deny_tools", profile.denyTools());
      return json;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
      return (List<String>) value;
    }
  }
}
