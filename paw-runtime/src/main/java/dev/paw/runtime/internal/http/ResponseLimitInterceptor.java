package dev.paw.runtime.internal.http;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/**
 * Bounds what an answer's body may cost: its decoded bytes (the request's {@link BodyLimit} tag,
 * else the default) and how slowly they may arrive. As an application interceptor it sees the body
 * after OkHttp has inflated a gzip answer, so a gzip bomb is counted by what it inflates to and
 * stops at the limit.
 */
public final class ResponseLimitInterceptor implements Interceptor {

  private final BodyLimit defaultLimit;
  private final long minBytes;
  private final Duration window;
  private final String rateSetting;
  private final LongSupplier nanoTime;

  /**
   * @param defaultLimit the limit of a request without a {@link BodyLimit} tag
   * @param minBytes the fewest bytes an answer must deliver in each {@code window}; 0 for no
   *     minimum
   * @param rateSetting how to change the minimum, for the message
   */
  public ResponseLimitInterceptor(
      BodyLimit defaultLimit, long minBytes, Duration window, String rateSetting) {
    this(defaultLimit, minBytes, window, rateSetting, System::nanoTime);
  }

  ResponseLimitInterceptor(
      BodyLimit defaultLimit,
      long minBytes,
      Duration window,
      String rateSetting,
      LongSupplier nanoTime) {
    this.defaultLimit = defaultLimit;
    this.minBytes = minBytes;
    this.window = window;
    this.rateSetting = rateSetting;
    this.nanoTime = nanoTime;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    BodyLimit tagged = request.tag(BodyLimit.class);
    BodyLimit limit = tagged != null ? tagged : defaultLimit;
    return response.newBuilder().body(new LimitedBody(response.body(), limit)).build();
  }

  /** The answer's body read through a {@link LimitedSource}. */
  private final class LimitedBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BodyLimit limit;
    private BufferedSource source;

    LimitedBody(ResponseBody delegate, BodyLimit limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public synchronized BufferedSource source() {
      if (source == null) {
        source =
            Okio.buffer(
                new LimitedSource(
                    delegate.source(),
                    limit,
                    delegate.contentLength(),
                    minBytes,
                    window,
                    rateSetting,
                    nanoTime));
      }
      return source;
    }
  }

  @Override
  public String toString() {
    return "ResponseLimitInterceptor{" + defaultLimit.shown() + " by default}";
  }
}
