package dev.paw.cli;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.StreamSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Runs syncs for a command and shows them ({@link ProgressDisplay}: a live progress bar per table
 * in a terminal, plain lines otherwise), with a summary per table at the end.
 */
final class SyncRunner {

  private final CliContext context;
  private final ConnectorProtocol.SyncOptions options;

  SyncRunner(CliContext context) {
    this(context, ConnectorProtocol.SyncOptions.DEFAULTS);
  }

  /** A runner whose syncs run as {@code options} say ({@code --full}, {@code --reset}). */
  SyncRunner(CliContext context, ConnectorProtocol.SyncOptions options) {
    this.context = context;
    this.options = options;
  }

  /** Syncs every runnable table; exit code 1 when any failed. */
  int syncAll(ConnectorProtocol connector, Pocket pocket) {
    int exit = ExitCodes.OK;
    for (StreamSpec stream : connector.spec().streams()) {
      if (stream.isRunnable()) {
        exit = Math.max(exit, sync(connector, stream.table()));
      }
    }
    return exit;
  }

  /** Syncs one table; exit code 1 when it failed. */
  int sync(ConnectorProtocol connector, String table) {
    PrintWriter out = context.terminal().out();
    ProgressDisplay progress = ProgressDisplay.forSync(context.terminal());
    context.progress(progress);
    SyncResult result;
    try {
      result = connector.sync(table, options).toCompletableFuture().join();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof SyncFailedException failed)) {
        throw e;
      }
      if (failed.getCause() instanceof RuntimeException reason) {
        throw reason; // refused, changed, not connected: the CLI's exit codes tell them apart
      }
      result = failed.result();
    } finally {
      context.progress(SyncListener.NONE);
      progress.finish();
    }
    double seconds = Math.max(0.001, result.duration().toNanos() / 1e9);
    out.printf(
        "%s: %,d records in %d pages: %,d inserted, %,d updated, %,d deleted (%.1f s, %,.0f records/s)%s%n",
        table,
        result.records(),
        result.pages(),
        result.inserted(),
        result.updated(),
        result.deleted(),
        seconds,
        result.records() / seconds,
        result.complete()
            ? ""
            : result.error() == null
                ? "; stopped at its page cap," + " the next sync continues"
                : "");
    if (result.failed()) {
      context.terminal().err().println("paw: sync of " + table + " failed: " + result.error());
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  static List<String> tables(ConnectorProtocol connector) {
    return connector.spec().streams().stream()
        .filter(StreamSpec::isRunnable)
        .map(StreamSpec::table)
        .toList();
  }
}
