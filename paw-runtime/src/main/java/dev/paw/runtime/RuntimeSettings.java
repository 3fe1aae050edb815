package dev.paw.runtime;

import dev.paw.runtime.internal.http.RetryPolicy;
import dev.paw.runtime.internal.http.Sleeper;
import java.time.Clock;
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
    RetryPolicy retry,
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
      RetryPolicy retry, Map<String, Double> rateLimits, Clock clock, Sleeper sleeper) {
    this(retry, rateLimits, clock, sleeper, RuntimeLimits.defaults());
  }

  public static RuntimeSettings defaults() {
    return new RuntimeSettings(RetryPolicy.defaults(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM);
  }

  public RuntimeSettings withLimits(RuntimeLimits value) {
    return new RuntimeSettings(retry, rateLimits, clock, sleeper, value);
  }
}
