package dev.paw.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings every connection of a runtime shares.
 *
 * @param retry how requests are retried on 429, 5xx and connection faults
 * @param rateLimits requests per second by connector name; a connector not named is not limited
 * @param sleeper waits between retries; tests pass one that does not sleep
 * @param limits how much a server may make the runtime read, wait for and fetch
 */
public record RuntimeSettings(
    Retry retry,
    Map<String, Double> rateLimits,
    Clock clock,
    Sleeper sleeper,
    RuntimeLimits limits) {

  public RuntimeSettings {
    rateLimits = Map.copyOf(rateLimits);
    Objects.requireNonNull(limits);
  }

  /** Settings with the default {@link RuntimeLimits}. */
  public RuntimeSettings(
      Retry retry, Map<String, Double> rateLimits, Clock clock, Sleeper sleeper) {
    this(retry, rateLimits, clock, sleeper, RuntimeLimits.defaults());
  }

  public static RuntimeSettings defaults() {
    return new RuntimeSettings(Retry.defaults(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM);
  }

  public RuntimeSettings withLimits(RuntimeLimits value) {
    return new RuntimeSettings(retry, rateLimits, clock, sleeper, value);
  }

  /**
   * How a connection retries on 429, 5xx and connection faults: at most {@code maxAttempts} tries
   * in all; between them an exponential backoff with full jitter (a random wait between zero and
   * {@code min(maxDelay, baseDelay * 2^(retry - 1))}); a server's {@code Retry-After} is honoured
   * instead when it asks for no more than {@code maxRetryAfter}.
   */
  public record Retry(
      int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public Retry {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
      }
      if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("retry delays cannot be negative");
      }
    }

    /** Four attempts, 500 ms base, 30 s longest backoff, Retry-After honoured up to 60 s. */
    public static Retry defaults() {
      return new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** One attempt: no retries. */
    public static Retry none() {
      return new Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
  }

  /**
   * Waits. Retry and rate limiting sleep through this, so tests can record the waits instead of
   * sitting them out.
   */
  @FunctionalInterface
  public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper SYSTEM =
        duration -> {
          if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
          }
        };

    void sleep(Duration duration) throws InterruptedException;
  }
}
