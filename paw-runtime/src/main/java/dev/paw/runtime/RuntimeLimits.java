package dev.paw.runtime;

import dev.paw.runtime.internal.LimitSettings;
import java.time.Duration;
import java.util.Map;

/**
 * How much a server (or a query) may make paw do: the bytes of one answer, how slowly it may
 * arrive, how long one request may take, how many pages one sync run may fetch, and how long a
 * {@code query_table} may run. Each bound turns an answer that would exhaust memory, CPU or
 * patience into a clear error naming the setting to raise.
 *
 * @param maxActionBytes the most bytes of one action answer (decoded: a gzip bomb counts as what it
 *     inflates to)
 * @param maxPageBytes the most bytes of one sync page, decoded likewise
 * @param callTimeout the most time one request may take, retries and reading its body included
 * @param minTransferBytes with {@code transferWindow}: an answer that delivers fewer bytes than
 *     this in any window fails (a body dripped at 1 byte a second); 0 turns the check off
 * @param transferWindow the window {@code minTransferBytes} is counted over
 * @param maxPages the most pages one sync run fetches; the next run resumes where it stopped (a
 *     connector's own {@code max_pages}, if lower, still applies)
 * @param queryTimeout the most time one {@code query_table} may run
 */
public record RuntimeLimits(
    long maxActionBytes,
    long maxPageBytes,
    Duration callTimeout,
    long minTransferBytes,
    Duration transferWindow,
    int maxPages,
    Duration queryTimeout) {

  private static final RuntimeLimits DEFAULTS =
      new RuntimeLimits(
          64L << 20,
          64L << 20,
          Duration.ofMinutes(5),
          1024,
          Duration.ofSeconds(30),
          100_000,
          Duration.ofSeconds(30));

  public RuntimeLimits {
    if (maxActionBytes < 1 || maxPageBytes < 1 || minTransferBytes < 0 || maxPages < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: "
              + maxActionBytes
              + " action bytes, "
              + maxPageBytes
              + " page bytes, "
              + minTransferBytes
              + " transfer bytes, "
              + maxPages
              + " pages");
    }
    requirePositive(callTimeout, "callTimeout");
    requirePositive(transferWindow, "transferWindow");
    requirePositive(queryTimeout, "queryTimeout");
  }

  /**
   * 64 MiB per action answer and per sync page, 5 minutes per request, at least 1 KiB every 30
   * seconds, 100,000 pages per sync run, 30 seconds per query.
   */
  public static RuntimeLimits defaults() {
    return DEFAULTS;
  }

  /**
   * {@code base} with the limits set in {@code environment} ({@code
   * PAW_MAX_PAGE_BYTES=1048576}...).
   */
  public static RuntimeLimits fromEnvironment(Map<String, String> environment, RuntimeLimits base) {
    return new RuntimeLimits(
        number(environment, LimitSettings.MAX_ACTION_BYTES, base.maxActionBytes),
        number(environment, LimitSettings.MAX_PAGE_BYTES, base.maxPageBytes),
        seconds(environment, LimitSettings.CALL_TIMEOUT, base.callTimeout),
        number(environment, LimitSettings.MIN_TRANSFER_BYTES, base.minTransferBytes),
        seconds(environment, LimitSettings.TRANSFER_WINDOW, base.transferWindow),
        Math.toIntExact(number(environment, LimitSettings.MAX_PAGES, base.maxPages)),
        seconds(environment, LimitSettings.QUERY_TIMEOUT, base.queryTimeout));
  }

  public RuntimeLimits withMaxActionBytes(long value) {
    return new RuntimeLimits(
        value, maxPageBytes, callTimeout, minTransferBytes, transferWindow, maxPages, queryTimeout);
  }

  public RuntimeLimits withMaxPageBytes(long value) {
    return new RuntimeLimits(
        maxActionBytes,
        value,
        callTimeout,
        minTransferBytes,
        transferWindow,
        maxPages,
        queryTimeout);
  }

  public RuntimeLimits withCallTimeout(Duration value) {
    return new RuntimeLimits(
        maxActionBytes,
        maxPageBytes,
        value,
        minTransferBytes,
        transferWindow,
        maxPages,
        queryTimeout);
  }

  /** Fail an answer that delivers fewer than {@code bytes} in any {@code window}. */
  public RuntimeLimits withMinTransferRate(long bytes, Duration window) {
    return new RuntimeLimits(
        maxActionBytes, maxPageBytes, callTimeout, bytes, window, maxPages, queryTimeout);
  }

  public RuntimeLimits withMaxPages(int value) {
    return new RuntimeLimits(
        maxActionBytes,
        maxPageBytes,
        callTimeout,
        minTransferBytes,
        transferWindow,
        value,
        queryTimeout);
  }

  public RuntimeLimits withQueryTimeout(Duration value) {
    return new RuntimeLimits(
        maxActionBytes,
        maxPageBytes,
        callTimeout,
        minTransferBytes,
        transferWindow,
        maxPages,
        value);
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  private static long number(Map<String, String> environment, String name, long fallback) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static Duration seconds(Map<String, String> environment, String name, Duration fallback) {
    String value = environment.get(name);
    return value == null || value.isBlank()
        ? fallback
        : Duration.ofSeconds(number(environment, name, 0));
  }
}
