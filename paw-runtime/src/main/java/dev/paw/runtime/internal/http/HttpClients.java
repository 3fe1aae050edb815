package dev.paw.runtime.internal.http;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * OkHttp clients with the runtime's timeouts. Each runtime makes its own base client with {@link
 * #newClient()} (one connection pool and one dispatcher for all its connections, released when it
 * closes); connections derive their own client from it with {@link ConnectionClientBuilder}, which
 * shares the pool and adds interceptors.
 */
public final class HttpClients {

  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  /** Bounds a whole call, retries and their waits included, so a call never hangs forever. */
  public static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

  private HttpClients() {}

  private static final class Holder {
    static final OkHttpClient SHARED = newClient();
  }

  /** A client shared by the callers that never close one (tests), created on first use. */
  public static OkHttpClient shared() {
    return Holder.SHARED;
  }

  /**
   * A new client with the runtime's timeouts (for tests and embedding applications that manage
   * their own).
   */
  public static OkHttpClient newClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(CONNECT_TIMEOUT)
        .readTimeout(READ_TIMEOUT)
        .writeTimeout(WRITE_TIMEOUT)
        .callTimeout(CALL_TIMEOUT)
        .followSslRedirects(false) // an https API redirecting to http would expose the credentials
        .build();
  }
}
