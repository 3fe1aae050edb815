package dev.paw.runtime.internal.sync;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before a sync fetches a page or a child record again: exponential from 250 ms, capped at
 * 8 s, with jitter, so clients that failed together do not retry together.
 */
final class RetryPause {

  private RetryPause() {}

  /**
   * Waits after the {@code attempt}-th failure.
   *
   * @param what what is being retried, for the message if the wait is interrupted
   */
  static void after(int attempt, Sleeper sleeper, String what) throws SyncException {
    long cap = Math.min(8_000, 250L << Math.min(attempt, 10));
    try {
      sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException("interrupted while waiting to retry " + what);
    }
  }
}
