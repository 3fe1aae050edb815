package dev.paw.bench;

/**
 * One scenario's figures.
 *
 * @param key what the report looks it up by
 * @param seconds the work alone, as the scenario timed it
 * @param processSeconds the whole process, JVM or interpreter start-up included
 * @param cpuSeconds CPU time of the whole process, all threads (JIT and GC too)
 * @param bytes response body bytes the server sent during the scenario
 * @param peakRssKb the process's VmHWM
 */
record Measurement(
    String key,
    String label,
    long records,
    long rows,
    long requests,
    double seconds,
    double processSeconds,
    double cpuSeconds,
    long bytes,
    long peakRssKb,
    String note) {

  double recordsPerSecond() {
    return records / seconds;
  }

  double megabytesPerSecond() {
    return bytes / 1e6 / seconds;
  }
}
