package dev.paw.bench;

import dev.paw.bench.scenario.Outcome;
import dev.paw.bench.scenario.Scenarios;
import dev.paw.bench.server.ListRoute;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts one scenario process, waits for it, and turns its result line and the server's counters
 * into figures.
 */
final class ScenarioRunner {

  private final BenchOptions options;
  private final ListRoute route;
  private final Path work;
  private final PrintStream out;

  ScenarioRunner(BenchOptions options, ListRoute route, Path work, PrintStream out) {
    this.options = options;
    this.route = route;
    this.work = work;
    this.out = out;
  }

  /** A Java scenario in a fresh directory. */
  Measurement java(String label, String kind, String apiBase, int records, String dir)
      throws IOException, InterruptedException {
    return java(label, kind, apiBase, records, dir, true);
  }

  /**
   * A Java scenario.
   *
   * @param fresh whether to start from an empty directory; {@code false} reuses what an earlier
   *     scenario left there
   */
  Measurement java(
      String label, String kind, String apiBase, int records, String dir, boolean fresh)
      throws IOException, InterruptedException {
    Path folder = work.resolve(dir);
    String key = dir + (fresh ? "" : "-again");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options.jvmArgs());
    if (options.jfr() != null) {
      Files.createDirectories(options.jfr());
      command.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + options.jfr().resolve(key + ".jfr"));
    }
    command.addAll(
        List.of(
            "-cp",
            jar(),
            Scenarios.class.getName(),
            kind,
            apiBase,
            String.valueOf(records),
            folder.toString()));
    return measure(key, label, command, kind.equals("raw") ? 0 : records, folder, fresh);
  }

  Measurement python(String label, String apiBase, int records, Path script, String dir)
      throws IOException, InterruptedException {
    Path folder = work.resolve(dir);
    return measure(
        dir,
        label,
        List.of(
            options.python(), script.toString(), apiBase, folder.resolve("python.db").toString()),
        records,
        folder,
        true);
  }

  /**
   * Runs the command {@link BenchOptions#repeat} times (from a fresh directory each time when
   * {@code fresh}) and keeps the fastest run, with the highest peak RSS of all runs.
   *
   * @param expectedRows what the table must hold after it (0: no table)
   */
  private Measurement measure(
      String key, String label, List<String> command, long expectedRows, Path folder, boolean fresh)
      throws IOException, InterruptedException {
    out.printf("%-40s", label);
    out.flush();
    Measurement best = null;
    long peak = 0;
    for (int run = 0; run < options.repeat(); run++) {
      if (fresh) {
        delete(folder);
        Files.createDirectories(folder);
      }
      Measurement m = once(key, label, command);
      if (m == null) {
        out.println(" FAILED");
        return null;
      }
      out.printf(" %7.3f s", m.seconds());
      out.flush();
      peak = Math.max(peak, m.peakRssKb());
      if (best == null || m.seconds() < best.seconds()) {
        best = m;
      }
    }
    out.println("  " + best.note());
    if (best.rows() != expectedRows) {
      out.println("WARNING: " + label + " left " + best.rows() + " rows, not " + expectedRows);
    }
    return new Measurement(
        key,
        label,
        best.records(),
        best.rows(),
        best.requests(),
        best.seconds(),
        best.processSeconds(),
        best.cpuSeconds(),
        best.bytes(),
        peak,
        best.note());
  }

  private Measurement once(String key, String label, List<String> command)
      throws IOException, InterruptedException {
    route.reset();
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith(Outcome.PREFIX)) {
          result = line;
        }
      }
    }
    int exit = process.waitFor();
    double processSeconds = (System.nanoTime() - started) / 1e9;
    if (exit != 0 || result == null) {
      return null;
    }
    Map<String, String> values = Outcome.parse(result);
    return new Measurement(
        key,
        label,
        Long.parseLong(values.get("records")),
        Long.parseLong(values.get("rows")),
        route.requestsServed(),
        Double.parseDouble(values.get("seconds")),
        processSeconds,
        Double.parseDouble(values.get("cpu_s")),
        route.bytesServed(),
        Long.parseLong(values.get("hwm_kb")),
        values.get("note").replace('_', ' '));
  }

  private static String jar() {
    try {
      return Path.of(
              SyncBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
