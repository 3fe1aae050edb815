package dev.paw.runtime.adapter;

import dev.paw.runtime.http.RetryPolicy;
import dev.paw.runtime.http.Sleeper;
import java.time.Clock;
import java.util.Map;

/**
 * Settings every connection of a runtime shares.
 *
 * @param retry how requests are retried on 429, 5xx and connection faults
 * @param rateLimits requests per second by connector name; a connector not named is not limited
 * @param sleeper waits between retries; tests pass one that does not sleep
 */
public record RuntimeSettings(RetryPolicy retry, Map<String, Double> rateLimits, Clock clock, Sleeper sleeper) {

  public RuntimeSettings {
    rateLimits = Map.copyOf(rateLimits);
  }

  public static RuntimeSettings defaults() {
    return new RuntimeSettings(RetryPolicy.defaults(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM);
  }
}
