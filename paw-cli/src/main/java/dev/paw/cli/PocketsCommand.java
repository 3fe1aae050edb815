package dev.paw.cli;

import dev.paw.runtime.pocket.Pocket;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code paw pockets}: the pockets under PAW_HOME and their connections. */
@Command(name = "pockets", description = "List the pockets under PAW_HOME.")
final class PocketsCommand implements Callable<Integer> {

  private final CliContext context;

  PocketsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    for (Pocket pocket : context.paw().pockets()) {
      rows.add(
          List.of(
              pocket.name(),
              pocket.slug(),
              String.join(",", pocket.connections().stream().map(c -> c.connector()).toList())));
    }
    context.terminal().out().println("PAW_HOME " + context.pawHome().root());
    Output.table(context.terminal().out(), List.of("POCKET", "SLUG", "CONNECTIONS"), rows);
    return ExitCodes.OK;
  }
}
