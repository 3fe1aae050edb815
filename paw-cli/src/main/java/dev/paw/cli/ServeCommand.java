package dev.paw.cli;

import dev.paw.dashboard.Dashboard;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paw serve}: a local, read-only page of the pockets' widgets and tables that updates itself
 * when any process commits to a pocket. Runs until Ctrl-C or SIGTERM.
 */
@Command(
    name = "serve",
    description =
        "Serve a local, read-only dashboard of the pockets on 127.0.0.1 (its URL carries a token);"
            + " pages update themselves when a pocket changes.")
final class ServeCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Listen on this port of 127.0.0.1 (default: a free port).")
  int port;

  @Option(
      names = "--pocket",
      paramLabel = "POCKET",
      description = "Open this pocket's page (an existing pocket).")
  String pocket;

  @Option(names = "--open", description = "Open the page in the default browser.")
  boolean open;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Dashboard dashboard = DashboardServer.start(context, port, pocket, open);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    dashboard.close();
                  } catch (Exception ignored) {
                    // the JVM is ending: nothing to keep
                  }
                  stopped.countDown();
                },
                "paw-serve-stop"));
    stopped.await();
    return ExitCodes.OK;
  }
}
