package dev.paw.cli;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.SyncScheduler;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.pocket.Pocket.TableSyncStatus;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.StreamSpec;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The daemon's scheduled syncs, kept in step with the pockets' connections while it runs: each
 * {@link #rescan} schedules the tables of connections made since, and stops those of connections
 * removed (or pockets deleted). One connection or pocket that cannot be read is reported and left
 * as it was; a sync that fails is reported and runs again at its next time. Not thread-safe: one
 * thread rescans.
 */
final class DaemonJobs {

  private final CliContext context;
  private final Supplier<List<Pocket>> pockets;
  private final Clock clock;
  private final Map<String, SyncScheduler> schedulers = new LinkedHashMap<>();

  /** Which connection ({@code slug/connector}) each scheduled job belongs to. */
  private final Map<String, String> owners = new HashMap<>();

  /** Connections whose connector was not found, already reported. */
  private final Set<String> missing = new HashSet<>();

  DaemonJobs(CliContext context, Supplier<List<Pocket>> pockets, Clock clock) {
    this.context = context;
    this.pockets = pockets;
    this.clock = clock;
  }

  /** Schedules what is new, stops what is gone; returns how many syncs are scheduled now. */
  int rescan() {
    PrintWriter err = context.terminal().err();
    List<Pocket> current;
    try {
      current = pockets.get();
    } catch (RuntimeException e) {
      err.println("paw daemon: cannot list the pockets: " + e.getMessage() + "; will look again");
      return owners.size();
    }
    Set<String> wanted = new HashSet<>();
    for (Pocket pocket : current) {
      SyncScheduler scheduler =
          schedulers.computeIfAbsent(pocket.slug(), slug -> new SyncScheduler(clock));
      List<ConnectionRecord> connections;
      List<TableSyncStatus> statuses;
      try {
        connections = pocket.connections();
        statuses = pocket.syncStatus();
      } catch (Exception e) {
        err.println(
            "paw daemon: cannot read pocket '"
                + pocket.name()
                + "': "
                + e.getMessage()
                + "; its syncs stay as they were");
        keepAll(wanted, pocket.slug() + "/");
        continue;
      }
      for (ConnectionRecord connection : connections) {
        if (connection.state() == ConnectionRecord.State.DISCONNECTED) {
          continue;
        }
        try {
          wanted.addAll(schedule(pocket, scheduler, connection, statuses));
        } catch (RuntimeException e) {
          err.println(
              "paw daemon: cannot schedule '"
                  + connection.connector()
                  + "' of pocket '"
                  + pocket.name()
                  + "': "
                  + e.getMessage()
                  + "; will try again");
          keepAll(wanted, pocket.slug() + "/" + connection.connector());
        }
      }
    }
    for (String job : Set.copyOf(owners.keySet())) {
      if (!wanted.contains(job)) {
        String slug = job.substring(0, job.indexOf('/'));
        schedulers.get(slug).cancel(job);
        owners.remove(job);
        context
            .terminal()
            .out()
            .println("paw daemon: " + job + " is no longer connected; its syncs stopped");
      }
    }
    return owners.size();
  }

  /** Keeps every job whose connection starts with {@code prefix}. */
  private void keepAll(Set<String> wanted, String prefix) {
    owners.forEach(
        (job, owner) -> {
          if (owner.startsWith(prefix)) {
            wanted.add(job);
          }
        });
  }

  /** Schedules the connection's tables that are not scheduled yet; returns all of its jobs. */
  private Set<String> schedule(
      Pocket pocket,
      SyncScheduler scheduler,
      ConnectionRecord connection,
      List<TableSyncStatus> statuses) {
    String owner = pocket.slug() + "/" + connection.connector();
    RegisteredConnector connector =
        context.paw().findConnector(connection.connector()).orElse(null);
    if (connector == null) {
      if (missing.add(owner)) { // once, not at every rescan
        context
            .terminal()
            .err()
            .println(
                "paw daemon: connector '"
                    + connection.connector()
                    + "' of pocket '"
                    + pocket.name()
                    + "' is no longer found; skipping it");
      }
      return Set.of();
    }
    missing.remove(owner);
    Set<String> jobs = new HashSet<>();
    ConnectorProtocol protocol = null;
    for (StreamSpec stream : connector.spec().streams()) {
      if (!stream.isRunnable() || stream.schedule().isManual()) {
        continue;
      }
      String job = pocket.slug() + "/" + stream.table();
      jobs.add(job);
      if (owners.containsKey(job)) {
        continue;
      }
      if (protocol == null) {
        protocol = context.paw().connector(pocket, connector.name());
      }
      Instant last =
          statuses.stream()
              .filter(s -> s.table().equals(stream.table()))
              .findFirst()
              .map(TableSyncStatus::lastFinishedAt)
              .orElse(null);
      ConnectorProtocol sync = protocol;
      scheduler.schedule(job, stream.schedule().interval(), last, () -> run(sync, pocket, stream));
      owners.put(job, owner);
    }
    return jobs;
  }

  /** One scheduled run; a failure is reported, and the scheduler runs it again next time. */
  private SyncResult run(ConnectorProtocol protocol, Pocket pocket, StreamSpec stream) {
    SyncResult result;
    try {
      result = protocol.sync(stream.table()).toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SyncFailedException failed
          && !(failed.getCause() instanceof RuntimeException)) {
        result = failed.result();
      } else {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof SyncFailedException && cause.getCause() != null) {
          cause = cause.getCause(); // refused, changed, not connected
        }
        failed(pocket, stream, cause.getMessage());
        return null;
      }
    } catch (RuntimeException e) {
      failed(pocket, stream, e.getMessage());
      return null;
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
            result.failed() ? "; failed: " + result.error() + next(stream) : "");
    return result;
  }

  private void failed(Pocket pocket, StreamSpec stream, String message) {
    context
        .terminal()
        .err()
        .printf(
            "%s %s/%s: failed: %s%s%n",
            Instant.now(), pocket.name(), stream.table(), message, next(stream));
  }

  private static String next(StreamSpec stream) {
    return "; trying again in " + describe(stream.schedule().interval());
  }

  static String describe(Duration interval) {
    long minutes = interval.toMinutes();
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }

  /** Stops every scheduler; syncs under way finish their page first (each waits up to grace). */
  void stop(Duration grace) throws InterruptedException {
    for (SyncScheduler scheduler : schedulers.values()) {
      scheduler.stop(grace);
    }
  }
}
