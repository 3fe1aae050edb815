package dev.paw.cli;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code paw actions NAME}: a connector's actions with their trust levels and parameters. */
@Command(
    name = "actions",
    description = "List a connector's actions, their trust levels and parameters.")
final class ActionsCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(paramLabel = "NAME")
  String name;

  @Mixin JsonOption json;

  ActionsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ConnectorSpec spec = context.paw().requireConnector(name).spec();
    MissingAdapterException.check(context.paw(), name);
    List<Map<String, Object>> actions = new ArrayList<>();
    for (ActionSpec action : spec.actions()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", action.name());
      row.put("method", action.method().name());
      row.put("trust_level", action.trustLevel().wireName());
      row.put("parameters", action.allParams().stream().map(ActionsCommand::describe).toList());
      row.put("requires_binary", action.requiresBinary());
      row.put("description", action.description());
      actions.add(row);
    }
    if (json.enabled) {
      Output.json(context.terminal().out(), actions);
      return ExitCodes.OK;
    }
    // A local tool an action needs (PocketPaw's requires_binary) gets a column only when some
    // action names one.
    boolean binaries = spec.actions().stream().anyMatch(a -> a.requiresBinary() != null);
    List<String> headers = new ArrayList<>(List.of("ACTION", "METHOD", "TRUST", "PARAMETERS"));
    if (binaries) {
      headers.add("REQUIRES");
    }
    headers.add("DESCRIPTION");
    Output.table(
        context.terminal().out(),
        headers,
        actions.stream()
            .map(
                a -> {
                  List<Object> cells =
                      new ArrayList<>(
                          List.of(
                              a.get("name"),
                              a.get("method"),
                              a.get("trust_level"),
                              String.join(" ", castList(a.get("parameters")))));
                  if (binaries) {
                    cells.add(a.get("requires_binary"));
                  }
                  cells.add(a.get("description"));
                  return cells;
                })
            .toList());
    return ExitCodes.OK;
  }

  /** {@code name:type} with {@code !} for required and {@code =default}. */
  private static String describe(ParamSpec param) {
    return param.name()
        + ":"
        + param.type().wireName()
        + (param.required() ? "!" : "")
        + (param.defaultValue() == null ? "" : "=" + param.defaultValue())
        + (param.enumValues().isEmpty() ? "" : param.enumValues().toString().replace(" ", ""));
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object value) {
    return (List<String>) value;
  }
}
