package dev.paw.bench;

import dev.paw.bench.server.ChannelPageServer;
import dev.paw.bench.server.JdkPageServer;
import dev.paw.bench.server.ListRoute;
import dev.paw.bench.server.PageServer;
import dev.paw.bench.server.PageStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sync benchmark: renders the invoice corpus into memory, serves it from loopback, runs every
 * scenario in a process of its own (so each peak RSS is that scenario's) and prints one table with
 * the ratios the targets are about. {@code java -jar paw-bench.jar [--records N] [--small N]
 * [--only a,b] [--jfr DIR] [--python PATH]}; the re-sync scenario reuses the pocket the generated
 * one leaves.
 */
public final class SyncBenchmark {

  private final BenchOptions options;
  private final PrintStream out;

  private SyncBenchmark(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    new SyncBenchmark(BenchOptions.parse(args), System.out).run();
  }

  private void run() throws IOException, InterruptedException {
    Path work = Files.createDirectories(options.work());
    out.printf("rendering %,d invoices ...%n", options.records());
    long started = System.nanoTime();
    PageStore store = PageStore.render(options.records());
    out.printf(
        "rendered %,d bytes in %.1f s (%,d bytes per invoice)%n",
        store.renderedBytes(),
        (System.nanoTime() - started) / 1e9,
        store.renderedBytes() / options.records());
    ListRoute route = new ListRoute(store);
    ScenarioRunner runner = new ScenarioRunner(options, route, work, out);
    List<Measurement> rows = new ArrayList<>();
    PageServer server = pickServer(route, runner, rows);
    String big = ListRoute.apiBase(server.origin(), options.records());
    String small = ListRoute.apiBase(server.origin(), options.small());
    try (server) {
      if (options.runs("raw")) {
        rows.add(
            runner.java(
                "raw client " + human(options.records()),
                "raw",
                big,
                options.records(),
                "raw-big"));
      }
      if (options.runs("hand-tuned")) {
        rows.add(
            runner.java(
                "hand-tuned Java " + human(options.records()),
                "hand-tuned",
                big,
                options.records(),
                "hand-tuned"));
      }
      if (options.runs("generated")) {
        rows.add(
            runner.java(
                "paw generated " + human(options.small()),
                "generated",
                small,
                options.small(),
                "generated-small"));
        rows.add(
            runner.java(
                "paw generated " + human(options.records()),
                "generated",
                big,
                options.records(),
                "generated-big"));
      }
      if (options.runs("resync")) {
        rows.add(
            runner.java(
                "paw re-sync, nothing new",
                "generated",
                big,
                options.records(),
                "generated-big",
                false));
      }
      if (options.runs("yaml")) {
        rows.add(
            runner.java(
                "paw YAML " + human(options.records()),
                "yaml",
                big,
                options.records(),
                "yaml-big"));
      }
      if (options.runs("python")) {
        rows.add(
            runner.python(
                "Python stdlib " + human(options.records()),
                big,
                options.records(),
                python(work),
                "python"));
      }
    }
    new Report(rows, options, out).print();
  }

  /** Measures the raw client against both servers on the small list and keeps the faster server. */
  private PageServer pickServer(ListRoute route, ScenarioRunner runner, List<Measurement> rows)
      throws IOException, InterruptedException {
    if (!options.runs("servers")) {
      return new ChannelPageServer(route, 8);
    }
    PageServer best = null;
    Measurement bestRun = null;
    for (PageServer server :
        List.of(new ChannelPageServer(route, 8), new JdkPageServer(route, 8))) {
      Measurement m =
          runner.java(
              "raw client " + human(options.small()) + ", " + server.name(),
              "raw",
              ListRoute.apiBase(server.origin(), options.small()),
              options.small(),
              "raw-" + server.name());
      rows.add(m);
      if (m == null || (bestRun != null && m.seconds() >= bestRun.seconds())) {
        server.close();
      } else {
        if (best != null) {
          best.close();
        }
        best = server;
        bestRun = m;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no page server answered");
    }
    out.println("page server: " + best.name());
    return best;
  }

  private static Path python(Path work) throws IOException {
    Path script = work.resolve("sync_baseline.py");
    try (InputStream in = SyncBenchmark.class.getResourceAsStream("/sync_baseline.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }

  static String human(long n) {
    return n >= 1_000_000 && n % 1_000_000 == 0
        ? n / 1_000_000 + "M"
        : n >= 1_000 && n % 1_000 == 0 ? n / 1_000 + "k" : String.valueOf(n);
  }
}
