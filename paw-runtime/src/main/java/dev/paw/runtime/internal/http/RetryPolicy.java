package dev.paw.runtime.internal.http;

import java.time.Duration;

/**
 * How a connection retries: at most {@code maxAttempts} tries in all; between them an exponential
 * backoff with full jitter (a random wait between zero and {@code min(maxDelay, baseDelay *
 * 2^(retry - 1))}); a server's {@code Retry-After} is honoured instead when it asks for no more
 * than {@code maxRetryAfter}. A server asking for a longer wait gets its answer returned to the
 * caller rather than a retry that would come too early or block too long.
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("retry delays cannot be negative");
    }
  }

  /** Four attempts, 500 ms base, 30 s longest backoff, Retry-After honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  /** One attempt: no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** The backoff cap before the {@code retry}-th retry (1-based), before jitter. */
  Duration ceiling(int retry) {
    long base = baseDelay.toMillis();
    long ceiling = retry >= 62 || base << (retry - 1) < 0 ? Long.MAX_VALUE : base << (retry - 1);
    return Duration.ofMillis(Math.min(maxDelay.toMillis(), ceiling));
  }
}
