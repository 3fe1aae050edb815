package dev.paw.cli;

import dev.paw.runtime.SyncListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far syncs and file imports have got, from the runtime's {@link SyncListener#onProgress}
 * reports: in a terminal, one live progress bar per table (drawn by the progressbar library:
 * records or megabytes, rate, elapsed, and a percentage and ETA when the total is known, a file's
 * size); otherwise, or with {@code --json}, plain lines, at most one a second per table and one at
 * the end (none for a run done within its first second: its summary says enough). Every line goes
 * through the terminal's filter, like all of paw's output.
 */
final class ProgressDisplay implements SyncListener {

  private static final long MB = 1_000_000;
  private static final long SECOND = 1_000_000_000L;

  private final Terminal terminal;
  private final PrintWriter plain;
  private final boolean bars;
  private final Map<String, Table> tables = new HashMap<>();

  /**
   * @param plain where plain lines go when there are no bars
   * @param bars whether to draw bars (in a terminal, and not for --json)
   */
  ProgressDisplay(Terminal terminal, PrintWriter plain, boolean bars) {
    this.terminal = terminal;
    this.plain = plain;
    this.bars = bars;
  }

  /** Bars in a terminal, else plain lines on standard output. */
  static ProgressDisplay forSync(Terminal terminal) {
    return new ProgressDisplay(terminal, terminal.out(), terminal.interactive());
  }

  @Override
  public void onChange(TableChange change) {}

  @Override
  public synchronized void onProgress(Progress progress) {
    Table table = tables.computeIfAbsent(progress.table(), name -> new Table(name, progress));
    table.update(progress);
    if (progress.done()) {
      table.finish();
      tables.remove(progress.table());
    }
  }

  /** Ends any bar still drawn (a run that failed before its last report). */
  synchronized void finish() {
    tables.values().forEach(Table::finish);
    tables.clear();
  }

  /** One table's display. */
  private final class Table {
    private final String name;
    private final boolean bytes;
    private final long started = System.nanoTime();
    private final ProgressBar bar;
    private long lastPlain;
    private boolean finished;

    Table(String name, Progress first) {
      this.name = name;
      this.bytes = first.totalBytes() > 0 && first.bytes() >= 0;
      this.bar = bars ? newBar(first) : null;
    }

    private ProgressBar newBar(Progress first) {
      ProgressBarBuilder builder =
          new ProgressBarBuilder()
              .setTaskName(name)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new TerminalLine(terminal))
              .setUpdateIntervalMillis(200)
              .continuousUpdate()
              .showSpeed();
      if (bytes) {
        builder.setInitialMax(first.totalBytes()).setUnit(" MB", MB);
      } else {
        builder.setInitialMax(-1).setUnit(" records", 1).hideEta();
      }
      return builder.build();
    }

    void update(Progress progress) {
      String counts = String.format("%,d records, %,d pages", progress.records(), progress.pages());
      if (bar != null) {
        bar.stepTo(bytes ? progress.bytes() : progress.records());
        // a file's bar counts megabytes, a sync's records: the other figures follow it
        bar.setExtraMessage(
            bytes
                ? String.format(" %,d records", progress.records())
                : String.format(" %,d pages", progress.pages()));
        return;
      }
      long now = System.nanoTime();
      boolean due = now - started >= SECOND && now - lastPlain >= SECOND;
      if (!due && !(progress.done() && lastPlain != 0)) {
        return; // a run done within a second shows only its summary
      }
      lastPlain = now;
      double seconds = Math.max(0.001, (now - started) / 1e9);
      StringBuilder line = new StringBuilder(name).append(": ").append(counts);
      progress
          .fraction()
          .ifPresent(f -> line.append(String.format(", %.0f%% of the file", f * 100)));
      line.append(
          String.format(
              " (%,.0f records/s, %s)%s",
              progress.records() / seconds,
              elapsed(Duration.ofNanos(now - started)),
              progress.done() ? ", done" : ""));
      plain.println(line);
      plain.flush();
    }

    void finish() {
      if (!finished && bar != null) {
        bar.close();
      }
      finished = true;
    }
  }

  private static String elapsed(Duration d) {
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  /**
   * Gives each rendering of a bar to the terminal as a redrawn line, through its filter; ends the
   * line when the bar is closed.
   */
  private static final class TerminalLine implements ProgressBarConsumer {
    private final Terminal terminal;

    TerminalLine(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public int getMaxRenderedLength() {
      return 100;
    }

    @Override
    public void accept(String rendered) {
      terminal.redrawLine(rendered);
    }

    @Override
    public void close() {
      terminal.out().println();
      terminal.out().flush();
    }
  }
}
