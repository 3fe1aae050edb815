package dev.paw.bench.scenario;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scenario process reports on its last line of output: {@code RESULT key=value ...}. The
 * seconds are the work alone (the sync or the loop), not JVM start-up; the peak RSS is the
 * process's own high-water mark.
 */
public record Outcome(long records, long rows, double seconds, String note) {

  public static final String PREFIX = "RESULT ";

  public String line() {
    return PREFIX
        + "records="
        + records
        + " rows="
        + rows
        + " seconds="
        + seconds
        + " hwm_kb="
        + peakRssKb()
        + " cpu_s="
        + cpuSeconds()
        + " note="
        + note.replace(' ', '_');
  }

  /** CPU time this process has used, all threads, in seconds; -1 when the JVM cannot tell. */
  static double cpuSeconds() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9
        : -1;
  }

  /** Parses a {@link #line()}; the map holds every key. */
  public static Map<String, String> parse(String line) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return values;
  }

  /** VmHWM of this process, in KiB; -1 where /proc is missing. */
  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }
}
