package dev.paw.runtime.internal.http;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code permitsPerSecond} on average, bursts of up to {@code burst} after a quiet
 * spell. A caller that finds the bucket empty reserves the next permit and sleeps until it is due,
 * outside the lock, so waiting callers queue in order without holding each other up. Thread-safe;
 * share one per connector and account.
 */
public final class TokenBucket {

  private final double permitsPerNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  private double tokens;
  private long last;

  public TokenBucket(double permitsPerSecond, int burst) {
    this(permitsPerSecond, burst, System::nanoTime, Sleeper.SYSTEM);
  }

  /** With an injectable monotonic clock (nanoseconds) and sleeper, for tests. */
  public TokenBucket(double permitsPerSecond, int burst, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException(
          "a rate limit needs a positive number of requests per second, not " + permitsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("a rate limit's burst must be at least 1, not " + burst);
    }
    this.permitsPerNano = permitsPerSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /** Takes one permit, sleeping until it is available. */
  public void acquire() throws InterruptedIOException {
    Duration wait = reserve();
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the rate limit");
    }
  }

  /**
   * Takes one permit now, possibly on credit; returns how long the caller must wait before using
   * it.
   */
  synchronized Duration reserve() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * permitsPerNano);
    last = now;
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-tokens / permitsPerNano));
  }

  @Override
  public String toString() {
    return "TokenBucket{" + permitsPerNano * 1e9 + "/s, burst " + (int) burst + "}";
  }
}
