package dev.paw.cli;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ActionSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paw run NAME ACTION --pocket P [-p key=value]...}: runs one action. {@code confirm}
 * actions ask y/N (or take {@code --yes}); {@code restricted} ones need the pocket's administrator
 * secret, which {@code --yes} cannot give. A refused call sends nothing and exits 3.
 */
@Command(
    name = "run",
    description =
        "Run a connector action. confirm actions ask y/N (or --yes); restricted"
            + " actions need the pocket's administrator secret.")
final class RunCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Parameters(index = "1", paramLabel = "ACTION")
  String actionName;

  @Mixin PocketOption.CreatedIfNew pocketOption;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "KEY=VALUE",
      description =
          "A parameter (repeatable), converted"
              + " to its declared type; objects and arrays as JSON.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--yes",
      description = "Approve a confirm action without asking (never a restricted one).")
  boolean yes;

  // not JsonOption: run prints what the service sent, and --json keeps a JSON body as sent instead
  // of re-indenting it
  @Option(names = "--json", description = "Print the raw JSON result.")
  boolean json;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.assumeYes(yes);
    ActionSpec action =
        context
            .paw()
            .requireConnector(name)
            .spec()
            .action(actionName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '"
                            + name
                            + "' has no action '"
                            + actionName
                            + "' (see: paw actions "
                            + name
                            + ")"));
    MissingAdapterException.check(context.paw(), name);
    Pocket pocket = pocketOption.get(context);
    ActionResult result =
        context
            .paw()
            .connector(pocket, name)
            .execute(action.name(), ParameterValues.convert(action, params))
            .toCompletableFuture()
            .join();
    if (!json && result.contentType() != null && result.contentType().contains("json")) {
      Output.jsonText(context.terminal().out(), result.body());
    } else {
      context.terminal().out().println(result.text());
    }
    return ExitCodes.OK;
  }
}
