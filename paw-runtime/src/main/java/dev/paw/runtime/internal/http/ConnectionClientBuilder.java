package dev.paw.runtime.internal.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Assembles one connection's client from the shared one. Interceptors run in a fixed order whatever
 * order they were given in: retry outermost (each attempt passes through everything below it), then
 * the rate limit (so retries are limited too), then auth (each attempt authenticated afresh, so a
 * refreshed OAuth token is used), then the response limits (innermost, so each attempt's body is
 * bounded, after OkHttp has inflated it); logging runs as a network interceptor, so it records what
 * actually went on the wire, auth included, once per attempt. Connection clients do not retry on
 * their own ({@link RetryInterceptor} decides) and do not follow redirects.
 */
public final class ConnectionClientBuilder {

  private final OkHttpClient base;
  private RetryInterceptor retry;
  private TokenBucket rateLimit;
  private SharedRateLimits sharedRateLimits;
  private AuthInterceptor auth;
  private LoggingInterceptor logging;
  private ResponseLimitInterceptor limits;
  private Duration callTimeout;

  private ConnectionClientBuilder(OkHttpClient base) {
    this.base = base;
  }

  /** Starts from {@code base}, normally the runtime's own {@link HttpClients#newClient()}. */
  public static ConnectionClientBuilder on(OkHttpClient base) {
    return new ConnectionClientBuilder(base);
  }

  public ConnectionClientBuilder retry(RetryInterceptor retry) {
    this.retry = retry;
    return this;
  }

  public ConnectionClientBuilder rateLimit(TokenBucket bucket) {
    this.rateLimit = bucket;
    return this;
  }

  /** The connector file's limits, shared with every other client of the connection. */
  public ConnectionClientBuilder rateLimit(SharedRateLimits limits) {
    this.sharedRateLimits = limits;
    return this;
  }

  public ConnectionClientBuilder auth(AuthInterceptor auth) {
    this.auth = auth;
    return this;
  }

  public ConnectionClientBuilder logging(LoggingInterceptor logging) {
    this.logging = logging;
    return this;
  }

  public ConnectionClientBuilder limits(ResponseLimitInterceptor limits) {
    this.limits = limits;
    return this;
  }

  /** Bounds a whole call, retries and reading the body included; default the base client's. */
  public ConnectionClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = timeout;
    return this;
  }

  public OkHttpClient build() {
    // Redirects are not followed: auth is added above OkHttp's redirect handling, so a redirect to
    // another host
    // would carry an api-key header or query parameter there. A 3xx reaches the caller as it is.
    OkHttpClient.Builder builder =
        base.newBuilder().retryOnConnectionFailure(false).followRedirects(false);
    List<Interceptor> ordered = new ArrayList<>();
    if (retry != null) {
      ordered.add(retry);
    }
    if (rateLimit != null || sharedRateLimits != null) {
      ordered.add(new RateLimitInterceptor(rateLimit, sharedRateLimits));
    }
    if (auth != null) {
      ordered.add(auth);
    }
    if (limits != null) {
      ordered.add(limits);
    }
    SocketReadTimeout.install(base, builder);
    if (callTimeout != null) {
      builder.callTimeout(callTimeout);
    }
    ordered.forEach(builder::addInterceptor);
    if (logging != null) {
      builder.addNetworkInterceptor(logging);
    }
    return builder.build();
  }
}
