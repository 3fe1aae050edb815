package dev.paw.cli;

import dev.paw.dashboard.Dashboard;
import dev.paw.runtime.pocket.Pocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paw daemon}: runs every connected table's scheduled syncs until stopped, picking up
 * connections made or removed meanwhile (every {@code --rescan}); a failing sync is reported and
 * tried again at its next time while the others go on. On SIGTERM or Ctrl-C it stops scheduling,
 * lets a running sync finish its page (a page commits whole or not at all), and exits 0.
 */
@Command(
    name = "daemon",
    description = "Run scheduled syncs until stopped (SIGTERM or Ctrl-C stops it cleanly).")
final class DaemonCommand implements Callable<Integer> {

  static final Duration GRACE = Duration.ofSeconds(20);

  private final CliContext context;

  @Mixin PocketOption.Only pocketOption;

  @Option(
      names = "--serve",
      description = "Also serve the dashboard (as paw serve does) while the daemon runs.")
  boolean serve;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "With --serve: the dashboard's port on 127.0.0.1 (default: a free port).")
  int port;

  DaemonCommand(CliContext context) {
    this.context = context;
  }

  @Option(
      names = "--rescan",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How often to look for connections made or removed while it runs (default: 10s).")
  Duration rescan = Duration.ofSeconds(10);

  @Override
  public Integer call() throws Exception {
    DaemonJobs jobs =
        new DaemonJobs(context, () -> pocketOption.selected(context), Clock.systemUTC());
    List<Pocket> pockets = pocketOption.selected(context);
    int scheduled = jobs.rescan();
    context
        .terminal()
        .out()
        .println(
            "paw daemon: "
                + scheduled
                + " scheduled syncs in "
                + pockets.size()
                + " pockets; stop with Ctrl-C or SIGTERM");
    ScheduledExecutorService scanner =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "paw-daemon-rescan");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(100, rescan.toMillis());
    scanner.scheduleWithFixedDelay(
        () -> {
          try {
            jobs.rescan();
          } catch (RuntimeException e) { // a rescan that throws would end the rescans
            context.terminal().err().println("paw daemon: rescan failed: " + e.getMessage());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    Dashboard dashboard = serve ? DashboardServer.start(context, port, null, false) : null;
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              context.terminal().out().println("paw daemon: stopping");
              scanner.shutdownNow();
              try {
                scanner.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                jobs.stop(GRACE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (dashboard != null) {
                try {
                  dashboard.close();
                } catch (Exception ignored) {
                  // the JVM is ending: the page has nothing to keep
                }
              }
              context.terminal().out().println("paw daemon: stopped");
              context.terminal().out().flush();
              stopped.countDown();
            },
            "paw-daemon-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return ExitCodes.OK;
  }
}
