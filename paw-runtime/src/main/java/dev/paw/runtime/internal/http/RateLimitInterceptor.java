package dev.paw.runtime.internal.http;

import dev.paw.spec.ActionSpec;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Holds every request (each retry too) until the connector file's rate limits ({@link
 * SharedRateLimits}: the request's action's, then the connection's) and the runtime's own {@link
 * TokenBucket} for the connector grant a permit.
 */
public final class RateLimitInterceptor implements Interceptor {

  private final TokenBucket bucket;
  private final SharedRateLimits shared;

  public RateLimitInterceptor(TokenBucket bucket) {
    this(bucket, null);
  }

  /**
   * @param bucket the runtime's limit for the connector, or {@code null}
   * @param shared the connector file's limits, or {@code null}
   */
  public RateLimitInterceptor(TokenBucket bucket, SharedRateLimits shared) {
    this.bucket = bucket;
    this.shared = shared;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (shared != null) {
      shared.acquire(chain.request().tag(ActionSpec.class));
    }
    if (bucket != null) {
      bucket.acquire();
    }
    return chain.proceed(chain.request());
  }
}
