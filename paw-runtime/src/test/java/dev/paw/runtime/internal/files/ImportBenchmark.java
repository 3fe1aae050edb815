package dev.paw.runtime.internal.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test (surefire runs {@code *Test} classes only): times {@code import_file} (in this JVM,
 * warm after the first run) against the sqlite3 CLI's {@code .import} into a new database and into
 * a WAL database like pocket.db, best of three each; then imports two file sizes in fresh JVMs with
 * a small heap, which shows memory stays flat and what a command-line import costs with JVM start.
 * Run it with {@code bench/import-benchmark.sh}.
 *
 * <pre>
 * ImportBenchmark [--rows 1000000] [--small-rows 100000] [--runs 3] [--dir target/bench] [--sqlite3 /usr/bin/sqlite3]
 *                 [--heap 64m] [--child-flags "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"]
 * ImportBenchmark --child FILE DB   (one import in this JVM, printing time and heap figures)
 * </pre>
 */
public final class ImportBenchmark {

  private static final String[] NAMES = {
    "Alice",
    "Bob",
    "Smith, John",
    "Carol \"CJ\" Jones",
    "Dave",
    "Eve O'Neil",
    "Zoë Ünal",
    "Frank, Jr."
  };
  private static final String[] CATEGORIES = {
    "books", "garden", "toys", "electronics", "food", "tools"
  };

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    long rows = 1_000_000;
    long smallRows = 100_000;
    int runs = 3;
    Path dir = Path.of("target", "bench");
    String sqlite3 = "/usr/bin/sqlite3";
    String heap = "64m";
    String childFlags = "";
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows":
          rows = Long.parseLong(args[i + 1]);
          break;
        case "--small-rows":
          smallRows = Long.parseLong(args[i + 1]);
          break;
        case "--runs":
          runs = Integer.parseInt(args[i + 1]);
          break;
        case "--dir":
          dir = Path.of(args[i + 1]);
          break;
        case "--sqlite3":
          sqlite3 = args[i + 1];
          break;
        case "--heap":
          heap = args[i + 1];
          break;
        case "--child-flags":
          childFlags = args[i + 1];
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Files.createDirectories(dir);
    Path big = generate(dir, rows);
    Path small = generate(dir, smallRows);
    System.out.printf(Locale.ROOT, "file: %s, %,d rows, %,d bytes%n", big, rows, Files.size(big));

    long bestPaw = Long.MAX_VALUE;
    long bestCli = Long.MAX_VALUE;
    long bestCliWal = Long.MAX_VALUE;
    for (int run = 1; run <= runs; run++) {
      long paw = timePaw(big, dir.resolve("paw.db"));
      long cli = timeCli(sqlite3, big, dir.resolve("cli.db"), false);
      long cliWal = timeCli(sqlite3, big, dir.resolve("cli-wal.db"), true);
      System.out.printf(
          Locale.ROOT,
          "run %d: paw import_file %,d ms | sqlite3 .import %,d ms (new db, rollback"
              + " journal) | %,d ms (WAL db, like pocket.db)%n",
          run,
          paw,
          cli,
          cliWal);
      bestPaw = Math.min(bestPaw, paw);
      bestCli = Math.min(bestCli, cli);
      bestCliWal = Math.min(bestCliWal, cliWal);
    }
    System.out.printf(
        Locale.ROOT,
        "best of %d: paw %,d ms; sqlite3 %,d ms (paw/sqlite3 = %.2f); sqlite3 into WAL %,d ms"
            + " (paw/sqlite3 = %.2f)%n",
        runs,
        bestPaw,
        bestCli,
        (double) bestPaw / bestCli,
        bestCliWal,
        (double) bestPaw / bestCliWal);

    for (Path file : List.of(small, big)) {
      System.out.println(childRun(file, dir.resolve("child.db"), heap, childFlags));
    }
  }

  /**
   * Writes (once) a CSV of {@code rows} rows: quotes, commas, decimals, dates, booleans, quoted
   * line breaks.
   */
  static Path generate(Path dir, long rows) throws IOException {
    Path file = dir.resolve("bench-" + rows + ".csv");
    if (Files.exists(file)) {
      return file;
    }
    Path partial = dir.resolve(file.getFileName() + ".partial");
    Random random = new Random(rows);
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      out.write("id,name,amount,created,active,quantity,category,notes\r\n");
      StringBuilder line = new StringBuilder(256);
      for (long id = 1; id <= rows; id++) {
        line.setLength(0);
        String name = NAMES[random.nextInt(NAMES.length)];
        line.append(id).append(',');
        if (name.indexOf(',') >= 0 || name.indexOf('"') >= 0) {
          line.append('"').append(name.replace("\"", "\"\"")).append('"');
        } else {
          line.append(name);
        }
        line.append(',').append(random.nextInt(100_000)).append('.');
        int cents = random.nextInt(100);
        line.append(cents < 10 ? "0" : "").append(cents).append(',');
        line.append(java.time.LocalDate.ofEpochDay(17_000 + random.nextInt(3_000))).append(',');
        line.append(random.nextBoolean()).append(',').append(1 + random.nextInt(1000)).append(',');
        line.append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append(',');
        if (id % 50 == 0) {
          line.append("\"line one\nline two, with \"\"quotes\"\"\"");
        } else {
          line.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit ")
              .append(random.nextInt(1_000_000));
          line.insert(line.lastIndexOf("Lorem"), '"').append('"');
        }
        out.append(line).append("\r\n");
      }
    }
    Files.move(partial, file);
    return file;
  }

  private static long timePaw(Path file, Path database) throws Exception {
    deleteDatabase(database);
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      ImportResult result =
          new FileActions().importFile(connection, ImportRequest.of(file).withTableName("t"));
      if (result.loads() != 1) {
        System.out.println("  (the import loaded twice: " + result.columns() + ")");
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * {@code sqlite3 db ".mode csv" ".import file t"}, optionally into a database in WAL mode as
   * pocket.db is.
   */
  private static long timeCli(String sqlite3, Path file, Path database, boolean wal)
      throws Exception {
    deleteDatabase(database);
    if (wal) {
      new ProcessBuilder(sqlite3, database.toString(), "PRAGMA journal_mode=WAL")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    }
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(sqlite3, database.toString(), ".mode csv", ".import " + file + " t")
            .inheritIO()
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("sqlite3 failed: " + process.exitValue());
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void deleteDatabase(Path database) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      Files.deleteIfExists(Path.of(database + suffix));
    }
  }

  /** Runs one import in a fresh JVM with a small heap: its wall time includes JVM start. */
  private static String childRun(Path file, Path database, String heap, String flags)
      throws Exception {
    deleteDatabase(database);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    for (String flag : flags.trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        command.add(flag);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ImportBenchmark.class.getName(),
            "--child",
            file.toString(),
            database.toString()));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    int exit = process.waitFor();
    long wall = (System.nanoTime() - start) / 1_000_000;
    return String.format(
        Locale.ROOT,
        "fresh JVM -Xmx%s%s, %s: %s; wall with JVM start %,d ms%s",
        heap,
        flags.isBlank() ? "" : " " + flags.trim(),
        file.getFileName(),
        output,
        wall,
        exit == 0 ? "" : " (FAILED, exit " + exit + ")");
  }

  /**
   * One import, sampling heap use: the peak in use (garbage included) and the peak left after
   * collections.
   */
  private static void child(Path file, Path database) throws Exception {
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        pools.add(pool);
      }
    }
    long start = System.nanoTime();
    long rows;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      rows =
          new FileActions()
              .importFile(connection, ImportRequest.of(file).withTableName("t"))
              .rowsImported();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    long afterGc = 0;
    for (MemoryPoolMXBean pool : pools) {
      peak += pool.getPeakUsage().getUsed();
      if (pool.getCollectionUsage() != null) {
        afterGc = Math.max(afterGc, pool.getCollectionUsage().getUsed());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%,d rows in %,d ms, peak heap in use %,d MB, largest pool after last GC %,d MB",
        rows,
        millis,
        peak >> 20,
        afterGc >> 20);
  }
}
