package dev.paw.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/** Prints the figures as a table, then the ratios against the targets of the benchmark. */
final class Report {

  private final List<Measurement> rows;
  private final BenchOptions options;
  private final PrintStream out;

  Report(List<Measurement> rows, BenchOptions options, PrintStream out) {
    this.rows = rows.stream().filter(Objects::nonNull).toList();
    this.options = options;
    this.out = out;
  }

  void print() {
    out.println();
    out.printf(
        "| %-38s | %9s | %6s | %8s | %9s | %7s | %10s | %7s | %8s |%n",
        "scenario",
        "records",
        "pages",
        "work s",
        "process s",
        "CPU s",
        "records/s",
        "MB/s",
        "peak RSS");
    out.printf(
        "|%s|%s|%s|%s|%s|%s|%s|%s|%s|%n",
        "-".repeat(40),
        "-".repeat(11),
        "-".repeat(8),
        "-".repeat(10),
        "-".repeat(11),
        "-".repeat(9),
        "-".repeat(12),
        "-".repeat(9),
        "-".repeat(10));
    for (Measurement m : rows) {
      out.printf(
          "| %-38s | %,9d | %,6d | %8.3f | %9.2f | %7.1f | %,10.0f | %7.1f | %5d MB |%n",
          m.label(),
          m.records(),
          m.requests(),
          m.seconds(),
          m.processSeconds(),
          m.cpuSeconds(),
          m.recordsPerSecond(),
          m.megabytesPerSecond(),
          m.peakRssKb() / 1024);
    }
    out.println();
    Measurement ours = find("generated-big");
    Measurement hand = find("hand-tuned");
    Measurement python = find("python");
    Measurement small = find("generated-small");
    Measurement again = find("generated-big-again");
    Measurement yaml = find("yaml-big");
    Measurement raw = find("raw-big");
    if (ours != null && hand != null) {
      ratio(
          "paw generated / hand-tuned time",
          ours.seconds() / hand.seconds(),
          "<= 1.25",
          ours.seconds() / hand.seconds() <= 1.25);
    }
    if (yaml != null && hand != null) {
      ratio("paw YAML / hand-tuned time", yaml.seconds() / hand.seconds(), "(no target)", true);
    }
    if (ours != null && python != null) {
      ratio(
          "Python / paw generated time (speed-up)",
          python.seconds() / ours.seconds(),
          ">= 5",
          python.seconds() / ours.seconds() >= 5);
    }
    if (ours != null && small != null) {
      double growth = (double) ours.peakRssKb() / small.peakRssKb();
      ratio(
          "peak RSS "
              + SyncBenchmark.human(options.records())
              + " / "
              + SyncBenchmark.human(options.small()),
          growth,
          "<= 1.5",
          growth <= 1.5);
      ratio(
          "time per record "
              + SyncBenchmark.human(options.records())
              + " / "
              + SyncBenchmark.human(options.small()),
          (ours.seconds() / ours.records()) / (small.seconds() / small.records()),
          "(no target)",
          true);
    }
    if (again != null) {
      ratio(
          "no-op re-sync of " + SyncBenchmark.human(options.records()) + " rows, work s",
          again.seconds(),
          "< 1 s",
          again.seconds() < 1);
    }
    if (raw != null && ours != null) {
      ratio(
          "server headroom: raw client / paw records/s",
          raw.recordsPerSecond() / ours.recordsPerSecond(),
          "(no target)",
          true);
    }
  }

  private void ratio(String what, double value, String target, boolean met) {
    out.printf(
        "%-52s %8.2f   target %-12s %s%n",
        what, value, target, target.startsWith("(") ? "" : met ? "met" : "MISSED");
  }

  private Measurement find(String key) {
    return rows.stream().filter(m -> m.key().equals(key)).findFirst().orElse(null);
  }
}
