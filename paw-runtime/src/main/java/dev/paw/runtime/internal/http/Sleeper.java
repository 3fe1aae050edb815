package dev.paw.runtime.internal.http;

import java.time.Duration;

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
