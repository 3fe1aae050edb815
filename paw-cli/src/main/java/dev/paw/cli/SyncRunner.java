package dev.paw.cli;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.SyncListener.TableChange;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.StreamSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Runs syncs for a command and shows them: a progress bar with records and records per second on a
 * terminal, plain log lines (at most one a second per table) otherwise, and a summary per table at
 * the end.
 */
final class SyncRunner {

  private static final int BAR = 24;

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
    Progress progress = new Progress(table, context.terminal());
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

  /** Shows one table's progress as commits arrive. */
  private static final class Progress implements SyncListener {
    private final String table;
    private final Terminal terminal;
    private final PrintWriter out;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private long records;
    private long lastPrinted;
    private int frame;
    private boolean drawn;

    Progress(String table, Terminal terminal) {
      this.table = table;
      this.terminal = terminal;
      this.out = terminal.out();
      this.interactive = terminal.interactive();
    }

    @Override
    public synchronized void onChange(TableChange change) {
      if (!change.table().equals(table)) {
        return;
      }
      records += change.records();
      double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
      long rate = Math.round(records / seconds);
      if (interactive) {
        StringBuilder bar = new StringBuilder();
        int position = frame++ % BAR;
        for (int i = 0; i < BAR; i++) {
          bar.append(change.runComplete() ? '=' : i == position ? '>' : i < position ? '=' : ' ');
        }
        terminal.redrawLine(
            String.format("%s [%s] %,d records  %,d records/s   ", table, bar, records, rate));
        drawn = true;
      } else if (System.nanoTime() - lastPrinted > 1_000_000_000L || change.runComplete()) {
        lastPrinted = System.nanoTime();
        out.printf("%s: %,d records so far (%,d records/s)%n", table, records, rate);
      }
    }

    synchronized void finish() {
      if (drawn) {
        out.println();
      }
    }
  }

  static List<String> tables(ConnectorProtocol connector) {
    return connector.spec().streams().stream()
        .filter(StreamSpec::isRunnable)
        .map(StreamSpec::table)
        .toList();
  }
}
