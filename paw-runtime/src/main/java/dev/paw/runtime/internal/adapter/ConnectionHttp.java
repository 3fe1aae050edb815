package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.http.AuthInterceptor;
import dev.paw.runtime.internal.http.ConnectionClientBuilder;
import dev.paw.runtime.internal.http.LoggingInterceptor;
import dev.paw.runtime.internal.http.OAuth2TokenSource;
import dev.paw.runtime.internal.http.RequestFactory;
import dev.paw.runtime.internal.http.RetryInterceptor;
import dev.paw.runtime.internal.http.SharedRateLimits;
import dev.paw.runtime.internal.http.TokenBucket;
import dev.paw.spec.AuthMethod;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.ConnectorSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The HTTP side of one connection: a request factory for its base URL and an OkHttp client that
 * adds retries, the connector's rate limit, its auth and redacted logging on top of the runtime's
 * shared client (one connection pool for everything).
 */
final class ConnectionHttp {

  private final RequestFactory requests;
  private final OkHttpClient client;

  /**
   * @param pinnedHost whether a host may receive the connection's credentials (the connection's
   *     pin)
   * @param connectionId names the connection for the process-wide rate limits (pocket and
   *     connector)
   */
  ConnectionHttp(
      ConnectorSpec spec,
      ScopedCredentials credentials,
      OkHttpClient shared,
      String baseUrlOverride,
      Predicate<String> pinnedHost,
      RuntimeSettings settings,
      String connectionId) {
    HttpUrl override = baseUrlOverride == null ? null : HttpUrl.get(baseUrlOverride);
    this.requests = new RequestFactory(spec, credentials::get, override);
    AuthSpec auth = spec.auth();
    OAuth2TokenSource tokens =
        auth.method() == AuthMethod.OAUTH2 && auth.oauth2() != null
            ? new OAuth2TokenSource(spec, credentials, shared, settings.clock())
            : null;
    Set<String> secretNames = new HashSet<>();
    if (AuthSpec.IN_QUERY.equals(auth.in()) && auth.name() != null) {
      secretNames.add(auth.name());
    }
    ConnectionClientBuilder builder =
        ConnectionClientBuilder.on(shared)
            .retry(
                new RetryInterceptor(
                    RuntimeSettingsInternals.retry(settings),
                    settings.clock(),
                    settings.sleeper(),
                    () -> ThreadLocalRandom.current().nextDouble()))
            .auth(AuthInterceptor.create(auth, credentials::get, tokens, spec.name(), pinnedHost))
            .logging(
                new LoggingInterceptor(
                    System.getLogger("dev.paw.http." + spec.name()),
                    redactor(spec, credentials),
                    secretNames))
            .limits(RuntimeSettingsInternals.interceptor(settings.limits()))
            .callTimeout(settings.limits().callTimeout());
    Double perSecond = settings.rateLimits().get(spec.name());
    if (perSecond != null) {
      builder.rateLimit(new TokenBucket(perSecond, Math.max(1, (int) Math.ceil(perSecond))));
    }
    builder.rateLimit(SharedRateLimits.of(connectionId, spec, settings.sleeper()));
    this.client = builder.build();
  }

  /**
   * Masks secret-looking names and the values of every credential the connection holds, and for
   * {@code basic} auth the {@code user:password} pair, whose base64 is what goes on the wire (and
   * what a server echoes back).
   */
  static Redactor redactor(ConnectorSpec spec, ScopedCredentials credentials) {
    List<Secret> secrets =
        new ArrayList<>(
            spec.auth().credentials().stream()
                .filter(c -> c.secret())
                .map(c -> credentials.get(c.name()))
                .flatMap(Optional::stream)
                .toList());
    AuthSpec auth = spec.auth();
    if (auth.method() == AuthMethod.BASIC && auth.username() != null && auth.password() != null) {
      Optional<Secret> user = credentials.get(auth.username());
      Optional<Secret> password = credentials.get(auth.password());
      if (user.isPresent() && password.isPresent()) {
        secrets.add(Secret.of(user.get().reveal() + ":" + password.get().reveal()));
      }
    }
    return Redactor.of(secrets);
  }

  RequestFactory requests() {
    return requests;
  }

  OkHttpClient client() {
    return client;
  }
}
