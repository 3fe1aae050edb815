package dev.paw.cli;

import dev.paw.runtime.pocket.Pocket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paw disconnect NAME --pocket P}: forgets the connection and its credentials; synced rows
 * stay.
 */
@Command(
    name = "disconnect",
    description =
        "Disconnect a connector from a pocket: its credentials are deleted,"
            + " its synced rows stay unless --drop-data.")
final class DisconnectCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(paramLabel = "NAME")
  String name;

  @Mixin PocketOption.Existing pocketOption;

  @Option(
      names = "--drop-data",
      description = "Also remove the connector's synced tables and their stored sync positions.")
  boolean dropData;

  DisconnectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Pocket pocket = pocketOption.get(context);
    var connector = context.paw().connector(pocket, name);
    java.util.List<String> tables = SyncRunner.tables(connector);
    connector.disconnect(dropData).toCompletableFuture().join();
    var out = context.terminal().out();
    out.println("disconnected " + name + " from pocket '" + pocket.name() + "'");
    if (tables.isEmpty()) {
      return ExitCodes.OK;
    }
    if (dropData) {
      out.println(
          "removed its synced tables ("
              + String.join(", ", tables)
              + ") and their stored sync positions");
    } else {
      out.println(
          "its synced tables ("
              + String.join(", ", tables)
              + ") stay in the pocket with their stored sync positions, so connecting again"
              + " resumes where it stopped; 'paw disconnect "
              + name
              + " --drop-data' removes them");
    }
    return ExitCodes.OK;
  }
}
