package dev.paw.runtime.internal.http;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what is safe to retry, as {@link RetryPolicy} bounds it.
 *
 * <ul>
 *   <li>Statuses 429, 500, 502, 503 and 504, for idempotent methods (GET, HEAD, OPTIONS, PUT,
 *       DELETE) and for any request that carries an {@code Idempotency-Key}.
 *   <li>For POST and PATCH without one, only 429 and 503 with {@code Retry-After}: the server says
 *       it did not act. After a 500 or a gateway error it may have, and repeating could charge a
 *       card twice.
 *   <li>Connection faults: when the connection was never made (refused, unknown host, no route),
 *       for every method; other I/O faults (reset, timeout, truncated response) only for idempotent
 *       requests, since the server may have received the request. TLS failures and cancelled calls
 *       are never retried.
 * </ul>
 *
 * Give the connection client {@code retryOnConnectionFailure(false)} (as {@link
 * ConnectionClientBuilder} does) so that these rules are the only ones.
 */
public final class RetryInterceptor implements Interceptor {

  private static final Set<String> IDEMPOTENT =
      Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  public RetryInterceptor(RetryPolicy policy) {
    this(policy, Clock.systemUTC(), Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param clock the clock that HTTP-date {@code Retry-After} values are measured against
   * @param random values in [0, 1) for the jitter
   */
  public RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier random) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (attempt >= policy.maxAttempts()
            || chain.call().isCanceled()
            || !retryable(request, e)) {
          throw e;
        }
        sleep(backoff(attempt));
        continue;
      }
      Duration retryAfter = retryAfter(response);
      if (attempt >= policy.maxAttempts() || !retryable(request, response, retryAfter)) {
        return response;
      }
      if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
        return response;
      }
      response.close();
      sleep(retryAfter != null ? retryAfter : backoff(attempt));
    }
  }

  private static boolean idempotent(Request request) {
    return IDEMPOTENT.contains(request.method()) || request.header("Idempotency-Key") != null;
  }

  /**
   * @param retryAfter the response's {@code Retry-After}, {@code null} when absent or unreadable
   */
  private static boolean retryable(Request request, Response response, Duration retryAfter) {
    int code = response.code();
    if (!RETRYABLE.contains(code)) {
      return false;
    }
    // a 503 to a call that may have acted is retried only when the server said when: an unreadable
    // Retry-After is
    // no such word, and retrying at once would also ignore the wait it meant to ask for
    return idempotent(request) || code == 429 || (code == 503 && retryAfter != null);
  }

  private static boolean retryable(Request request, IOException e) {
    if (e instanceof SSLException || e instanceof AuthenticationException) {
      return false;
    }
    boolean neverSent =
        e instanceof ConnectException
            || e instanceof UnknownHostException
            || e instanceof NoRouteToHostException;
    if (neverSent) {
      return true;
    }
    // InterruptedIOException covers timeouts; a call timeout cancels the call, which intercept()
    // checks first
    return idempotent(request)
        && (!(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException);
  }

  private Duration backoff(int attempt) {
    long ceiling = policy.ceiling(attempt).toMillis();
    return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
  }

  /** {@code Retry-After} in seconds or as an HTTP-date; {@code null} when absent or unreadable. */
  Duration retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return null;
    }
    value = value.trim();
    if (value.matches(
        "\\d{1,18}")) { // delay-seconds is digits only (RFC 9110); 18 of them always fit a long
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void sleep(Duration duration) throws InterruptedIOException {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
