package dev.paw.cli;

import dev.paw.runtime.pocket.Pocket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code paw disconnect NAME --pocket P}: forgets the connection and its credentials; synced rows
 * stay.
 */
@Command(
    name = "disconnect",
    description =
        "Disconnect a connector from a pocket: its credentials are deleted,"
            + " its synced rows stay.")
final class DisconnectCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(paramLabel = "NAME")
  String name;

  @Mixin PocketOption.Existing pocketOption;

  DisconnectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Pocket pocket = pocketOption.get(context);
    context.paw().connector(pocket, name).disconnect().toCompletableFuture().join();
    context
        .terminal()
        .out()
        .println("disconnected " + name + " from pocket '" + pocket.name() + "'");
    return ExitCodes.OK;
  }
}
