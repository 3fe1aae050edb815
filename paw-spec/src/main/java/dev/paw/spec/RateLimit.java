package dev.paw.spec;

import java.time.Duration;

/**
 * A connector file's {@code rate_limit}: at most {@code requests} requests every {@code per}, on
 * average, for one connection in one process. A connection may send up to {@code requests} at once
 * after a quiet spell; beyond that requests wait their turn (they are not refused).
 *
 * @param requests how many requests, at least 1
 * @param per the period they are spread over, at least one second
 */
public record RateLimit(long requests, Duration per) {

  public RateLimit {
    if (requests < 1) {
      throw new IllegalArgumentException("a rate limit allows at least 1 request, not " + requests);
    }
    if (per.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("a rate limit's period is at least 1s, not " + per);
    }
  }

  /** The average rate, in requests per second. */
  public double perSecond() {
    return requests / (per.toNanos() / 1e9);
  }

  /** The period as a connector file writes it: {@code 1s}, {@code 15m}, {@code 1d}. */
  public String perText() {
    long seconds = per.getSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    } else if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    } else if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  /** For people: {@code 100 requests per 1s}. */
  public String describe() {
    return requests + (requests == 1 ? " request" : " requests") + " per " + perText();
  }
}
