package dev.paw.runtime.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Holds every request (each retry too) until its connector's {@link TokenBucket} grants a permit.
 */
public final class RateLimitInterceptor implements Interceptor {

  private final TokenBucket bucket;

  public RateLimitInterceptor(TokenBucket bucket) {
    this.bucket = bucket;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    bucket.acquire();
    return chain.proceed(chain.request());
  }
}
