package dev.paw.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of the sync benchmark.
 *
 * @param records the big list (default 1,000,000)
 * @param small the small list, to show how cost grows (default 100,000)
 * @param work where pockets and databases go (default {@code bench-work} beside the jar)
 * @param jfr a folder to write one flight recording per Java scenario into, or {@code null}
 * @param python the Python interpreter for the baseline
 * @param jvmArgs arguments for every scenario JVM; default {@link #DEFAULT_JVM_ARGS}
 * @param only the scenarios to run ({@link #SCENARIOS}); all when empty
 * @param repeat runs of each scenario; the fastest counts (other work on the machine only ever
 *     slows a run down)
 */
record BenchOptions(
    int records,
    int small,
    Path work,
    Path jfr,
    String python,
    List<String> jvmArgs,
    Set<String> only,
    int repeat) {

  /**
   * The same fixed heap cap for every Java scenario: a sync holds at most two pages, so it needs
   * little heap, and without a cap G1 sizes the heap by allocation rate and run length, which says
   * nothing about what a sync retains.
   */
  static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx256m");

  static final List<String> SCENARIOS =
      List.of("servers", "raw", "hand-tuned", "generated", "resync", "yaml", "python");

  boolean runs(String scenario) {
    return only.isEmpty() || only.contains(scenario);
  }

  static BenchOptions parse(String[] args) {
    int records = 1_000_000;
    int small = 100_000;
    Path work = defaultWork();
    Path jfr = null;
    String python = "python3";
    List<String> jvmArgs = new ArrayList<>();
    Set<String> only = new LinkedHashSet<>();
    int repeat = 3;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--records" -> records = Integer.parseInt(value);
        case "--small" -> small = Integer.parseInt(value);
        case "--work" -> work = Path.of(value);
        case "--jfr" -> jfr = Path.of(value).toAbsolutePath();
        case "--python" -> python = value;
        case "--jvm-arg" -> jvmArgs.add(value);
        case "--only" -> only.addAll(List.of(value.split(",")));
        case "--repeat" -> repeat = Integer.parseInt(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; options: --records N"
                    + " --small N --work DIR --jfr DIR --python PATH --jvm-arg ARG --repeat N --only "
                    + String.join(",", SCENARIOS));
      }
      i++;
    }
    if (!SCENARIOS.containsAll(only)) {
      throw new IllegalArgumentException("--only takes " + String.join(",", SCENARIOS));
    }
    if (small > records) {
      throw new IllegalArgumentException("--small must not exceed --records");
    }
    return new BenchOptions(
        records,
        small,
        work.toAbsolutePath(),
        jfr,
        python,
        jvmArgs.isEmpty() ? DEFAULT_JVM_ARGS : List.copyOf(jvmArgs),
        only,
        Math.max(1, repeat));
  }

  private static Path defaultWork() {
    try {
      Path jar =
          Path.of(SyncBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().resolve("bench-work");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("bench-work");
    }
  }
}
