package dev.paw.cli;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.pocket.Pocket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paw sync NAME --pocket P [--table T] [--full | --reset]}. */
@Command(name = "sync", description = "Sync a connector's tables (or one) into the pocket now.")
final class SyncCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(paramLabel = "NAME", description = "The connector.")
  String name;

  @Mixin PocketOption.Existing pocketOption;

  @Option(names = "--table", paramLabel = "TABLE", description = "Only this table.")
  String table;

  @Option(
      names = "--full",
      description =
          "Re-read everything, then remove the rows the source no longer has (as write_mode"
              + " replace does).")
  boolean full;

  @Option(
      names = "--reset",
      description =
          "Forget the stored position first, so the sync starts as the first one did (rows stay).")
  boolean reset;

  SyncCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Pocket pocket = pocketOption.get(context);
    ConnectorProtocol connector = context.paw().connector(pocket, name);
    SyncRunner runner = new SyncRunner(context, new ConnectorProtocol.SyncOptions(full, reset));
    if (table != null) {
      return runner.sync(connector, table);
    }
    if (SyncRunner.tables(connector).isEmpty()) {
      context.terminal().out().println("connector '" + name + "' syncs no tables");
      return ExitCodes.OK;
    }
    return runner.syncAll(connector, pocket);
  }
}
