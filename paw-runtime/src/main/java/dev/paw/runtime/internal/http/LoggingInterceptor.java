package dev.paw.runtime.internal.http;

import dev.paw.runtime.internal.credentials.Redactor;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each request and response through {@link System.Logger} with secrets removed: request line
 * and outcome at {@code DEBUG}, headers at {@code TRACE}. Values of {@code Authorization}, {@code
 * Cookie}, {@code Set-Cookie} and of any header or query parameter whose name looks secret (or is
 * the connector's api-key parameter) are masked, and every credential value is masked wherever it
 * appears. Bodies are never logged. Install it as a network interceptor to see what goes on the
 * wire, auth included.
 */
public final class LoggingInterceptor implements Interceptor {

  private static final Set<String> ALWAYS_SECRET =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final Logger logger;
  private final Redactor redactor;
  private final Set<String> secretNames;

  /**
   * @param redactor the connection's redactor, which knows its credential values
   * @param secretNames further header or query parameter names to mask (the auth header or api-key
   *     parameter), compared without case
   */
  public LoggingInterceptor(Logger logger, Redactor redactor, Set<String> secretNames) {
    this.logger = logger;
    this.redactor = redactor;
    this.secretNames =
        secretNames.stream()
            .map(n -> n.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!logger.isLoggable(Level.DEBUG)) {
      return chain.proceed(request);
    }
    String line = request.method() + " " + url(request.url());
    logger.log(Level.DEBUG, "--> " + line);
    if (logger.isLoggable(Level.TRACE)) {
      logger.log(Level.TRACE, headers("--> ", request.headers()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      logger.log(
          Level.DEBUG,
          "<-- failed " + line + ": " + redactor.redact(String.valueOf(e.getMessage())));
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    logger.log(Level.DEBUG, "<-- " + response.code() + " " + line + " (" + millis + " ms)");
    if (logger.isLoggable(Level.TRACE)) {
      logger.log(Level.TRACE, headers("<-- ", response.headers()));
    }
    return response;
  }

  /** The URL with secret query values masked and credential values removed. */
  String url(HttpUrl url) {
    HttpUrl.Builder builder = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (isSecret(name)) {
        builder.setQueryParameter(name, "REDACTED");
      }
    }
    return redactor.redact(builder.build().toString()).replace("REDACTED", Redactor.MASK);
  }

  private String headers(String arrow, Headers headers) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value =
          isSecret(name) || ALWAYS_SECRET.contains(name.toLowerCase(Locale.ROOT))
              ? Redactor.MASK
              : redactor.redact(headers.value(i));
      text.append(i == 0 ? "" : "\n").append(arrow).append(name).append(": ").append(value);
    }
    return text.toString();
  }

  private boolean isSecret(String name) {
    return secretNames.contains(name.toLowerCase(Locale.ROOT)) || Redactor.isSecretName(name);
  }
}
