package dev.paw.cli;

import dev.paw.dashboard.Dashboard;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.SyncScheduler;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.pocket.Pocket.TableSyncStatus;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.StreamSpec;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paw daemon}: runs every connected table's scheduled syncs until stopped. On SIGTERM or
 * Ctrl-C it stops scheduling, lets a running sync finish its page (a page commits whole or not at
 * all), and exits 0.
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

  @Override
  public Integer call() throws Exception {
    List<Pocket> pockets = pocketOption.selected(context);
    List<SyncScheduler> schedulers = new ArrayList<>();
    int scheduled = 0;
    for (Pocket pocket : pockets) {
      SyncScheduler scheduler = new SyncScheduler(Clock.systemUTC());
      schedulers.add(scheduler);
      scheduled += schedule(pocket, scheduler);
    }
    context
        .terminal()
        .out()
        .println(
            "paw daemon: "
                + scheduled
                + " scheduled syncs in "
                + pockets.size()
                + " pockets; stop with Ctrl-C or SIGTERM");
    Dashboard dashboard = serve ? DashboardServer.start(context, port, null, false) : null;
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              context.terminal().out().println("paw daemon: stopping");
              for (SyncScheduler scheduler : schedulers) {
                try {
                  scheduler.stop(GRACE);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
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

  private int schedule(Pocket pocket, SyncScheduler scheduler) throws SQLException {
    List<TableSyncStatus> statuses = pocket.syncStatus();
    int count = 0;
    for (ConnectionRecord connection : pocket.connections()) {
      if (connection.state() == ConnectionRecord.State.DISCONNECTED) {
        continue;
      }
      RegisteredConnector connector =
          context.paw().findConnector(connection.connector()).orElse(null);
      if (connector == null) {
        context
            .terminal()
            .err()
            .println(
                "paw daemon: connector '"
                    + connection.connector()
                    + "' of pocket '"
                    + pocket.name()
                    + "' is no longer found; skipping it");
        continue;
      }
      ConnectorProtocol protocol = context.paw().connector(pocket, connector.name());
      for (StreamSpec stream : connector.spec().streams()) {
        if (!stream.isRunnable() || stream.schedule().isManual()) {
          continue;
        }
        Instant last =
            statuses.stream()
                .filter(s -> s.table().equals(stream.table()))
                .findFirst()
                .map(TableSyncStatus::lastFinishedAt)
                .orElse(null);
        scheduler.schedule(
            pocket.slug() + "/" + stream.table(),
            stream.schedule().interval(),
            last,
            () -> {
              SyncResult result;
              try {
                result = protocol.sync(stream.table()).toCompletableFuture().join();
              } catch (CompletionException e) {
                if (!(e.getCause() instanceof SyncFailedException failed)) {
                  throw e;
                }
                if (failed.getCause() instanceof RuntimeException reason) {
                  throw reason; // refused or not connected: the scheduler logs it, as before
                }
                result = failed.result();
              }
              context
                  .terminal()
                  .out()
                  .printf(
                      "%s %s/%s: %,d records, %,d changed%s%n",
                      Instant.now(),
                      pocket.name(),
                      stream.table(),
                      result.records(),
                      result.changed(),
                      result.failed() ? "; failed: " + result.error() : "");
              return result;
            });
        count++;
      }
    }
    return count;
  }
}
