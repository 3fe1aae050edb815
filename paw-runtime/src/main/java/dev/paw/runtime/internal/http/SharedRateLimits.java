package dev.paw.runtime.internal.http;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.RateLimit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The token buckets of connector files' {@code rate_limit}s, one per connection (and per limited
 * action of it) for the whole process: every runtime, adapter and client of a connection draws on
 * the same budget, so two syncs, or a sync and an agent's actions, take turns rather than each
 * using the full rate. A bucket is keyed by its limit too, so an edited limit starts afresh.
 */
public final class SharedRateLimits {

  private static final ConcurrentMap<Key, TokenBucket> BUCKETS = new ConcurrentHashMap<>();

  private record Key(String connection, String action, RateLimit limit) {}

  private final String connection;
  private final ConnectorSpec spec;
  private final Sleeper sleeper;

  private SharedRateLimits(String connection, ConnectorSpec spec, Sleeper sleeper) {
    this.connection = connection;
    this.spec = spec;
    this.sleeper = sleeper;
  }

  /**
   * The limits of {@code spec} for the connection identified by {@code connection} (for example the
   * pocket database's path and the connector's name); {@code null} when the file sets none.
   */
  public static SharedRateLimits of(String connection, ConnectorSpec spec, Sleeper sleeper) {
    boolean any =
        spec.rateLimit() != null || spec.actions().stream().anyMatch(a -> a.rateLimit() != null);
    return any ? new SharedRateLimits(connection, spec, sleeper) : null;
  }

  /** Takes a permit from the action's bucket (if it has a limit) and then the connection's. */
  void acquire(ActionSpec action) throws java.io.InterruptedIOException {
    if (action != null && action.rateLimit() != null) {
      bucket(action.name(), action.rateLimit()).acquire();
    }
    if (spec.rateLimit() != null) {
      bucket("", spec.rateLimit()).acquire();
    }
  }

  private TokenBucket bucket(String action, RateLimit limit) {
    return BUCKETS.computeIfAbsent(
        new Key(connection, action, limit),
        k ->
            new TokenBucket(
                limit.perSecond(),
                (int) Math.min(Integer.MAX_VALUE, limit.requests()),
                System::nanoTime,
                sleeper));
  }

  @Override
  public String toString() {
    return "SharedRateLimits{" + connection + "}";
  }
}
