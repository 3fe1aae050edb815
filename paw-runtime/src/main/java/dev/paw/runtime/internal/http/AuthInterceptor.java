package dev.paw.runtime.internal.http;

import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.CredentialSource;
import dev.paw.runtime.internal.credentials.EnvironmentCredentialStore;
import dev.paw.spec.AuthMethod;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.UrlTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Authenticates every request of one connection as its {@link AuthSpec} says: static headers (with
 * {@code {CREDENTIAL}} placeholders) first, then the method: {@code api_key} in a header or query
 * parameter with its name and prefix, {@code bearer}, {@code basic} from the two configured
 * credentials, {@code cookie}, {@code header}, {@code oauth2} with a stored token, or a token from
 * an {@link OAuth2TokenSource}. With a token source, a 401 makes it fetch a fresh token and the
 * request is sent once more. Credentials are read for each request, so a credential changed in the
 * store is used from the next request on.
 */
public final class AuthInterceptor implements Interceptor {

  private final AuthSpec auth;
  private final CredentialSource credentials;
  private final OAuth2TokenSource tokens;
  private final String connector;
  private final String context;
  private final Predicate<String> pinnedHost;

  private AuthInterceptor(
      AuthSpec auth,
      CredentialSource credentials,
      OAuth2TokenSource tokens,
      String connector,
      Predicate<String> pinnedHost) {
    this.pinnedHost = pinnedHost;
    this.auth = auth;
    this.credentials = credentials;
    this.tokens = tokens;
    this.connector = connector;
    this.context = "connector '" + connector + "'";
  }

  /**
   * Auth for a connection.
   *
   * @param tokens the token source for {@code oauth2} connectors with {@code auth.oauth2} settings;
   *     {@code null} otherwise
   * @param connector the connector's name, for messages
   */
  public static AuthInterceptor create(
      AuthSpec auth, CredentialSource credentials, OAuth2TokenSource tokens, String connector) {
    return create(auth, credentials, tokens, connector, host -> true);
  }

  /**
   * Auth for a connection that sends credentials to some hosts only: a request to any other host (a
   * pagination link or a URL a server put in its answer) is refused before it is sent, so no
   * credential leaves for a host the user did not approve when connecting.
   *
   * @param pinnedHost whether a host may receive the connection's credentials
   */
  public static AuthInterceptor create(
      AuthSpec auth,
      CredentialSource credentials,
      OAuth2TokenSource tokens,
      String connector,
      Predicate<String> pinnedHost) {
    if (auth.method() == AuthMethod.OAUTH2 && auth.oauth2() != null && tokens == null) {
      throw new IllegalArgumentException(
          "connector '"
              + connector
              + "' uses OAuth 2 with a token endpoint: pass an"
              + " OAuth2TokenSource");
    }
    return new AuthInterceptor(
        auth,
        credentials,
        auth.method() == AuthMethod.OAUTH2 ? tokens : null,
        connector,
        pinnedHost);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    boolean carriesCredentials = auth.method() != AuthMethod.NONE || !auth.headers().isEmpty();
    if (carriesCredentials && !pinnedHost.test(original.url().host())) {
      throw new AuthenticationException(
          context
              + " does not send its credentials to "
              + original.url().host()
              + ", which is not one of the hosts approved when it was connected; the request was not sent");
    }
    if (tokens == null) {
      return chain.proceed(authenticate(original, null));
    }
    Secret token = tokens.token();
    Response response = chain.proceed(authenticate(original, token));
    if (response.code() != 401) {
      return response;
    }
    // The token may have been revoked or expired early: fetch a fresh one and try once more.
    response.close();
    tokens.invalidate(token);
    return chain.proceed(authenticate(original, tokens.token()));
  }

  private Request authenticate(Request request, Secret token) throws AuthenticationException {
    Request.Builder builder = request.newBuilder();
    for (Map.Entry<String, String> header : auth.headers().entrySet()) {
      builder.header(
          header.getKey(), headerValue(header.getKey(), fill(header.getValue(), header.getKey())));
    }
    switch (auth.method()) {
      case NONE -> {}
      case BASIC ->
          builder.header(
              "Authorization",
              Credentials.basic(
                  require(auth.username(), "user name"),
                  require(auth.password(), "password"),
                  StandardCharsets.UTF_8));
      case COOKIE -> {
        String value = require(auth.credential(), "cookie");
        String cookie = auth.name() == null ? value : auth.name() + "=" + value;
        String existing = request.header("Cookie");
        builder.header(
            "Cookie", headerValue("Cookie", existing == null ? cookie : existing + "; " + cookie));
      }
      case OAUTH2 -> {
        if (token != null) {
          builder.header("Authorization", headerValue("Authorization", "Bearer " + token.reveal()));
        } else {
          carrier(request, builder);
        }
      }
      case API_KEY, BEARER, HEADER -> carrier(request, builder);
    }
    return builder.build();
  }

  /** The credential in a header or query parameter, after its prefix. */
  private void carrier(Request request, Request.Builder builder) throws AuthenticationException {
    String name = auth.name() == null ? "Authorization" : auth.name();
    String value =
        (auth.prefix() == null ? "" : auth.prefix()) + require(auth.credential(), "key or token");
    if (AuthSpec.IN_QUERY.equals(auth.in())) {
      builder.url(request.url().newBuilder().setQueryParameter(name, value).build());
    } else {
      builder.header(name, headerValue(name, value));
    }
  }

  private String require(String credential, String role) throws AuthenticationException {
    if (credential == null) {
      throw new AuthenticationException(
          context
              + " uses "
              + auth.method().wireName()
              + " auth but names no"
              + " credential for the "
              + role);
    }
    return credentials
        .get(credential)
        .map(Secret::reveal)
        .orElseThrow(
            () ->
                new AuthenticationException(
                    "missing credential '"
                        + credential
                        + "' for "
                        + context
                        + ": store it with 'paw connect'"
                        + environmentHint(credential)));
  }

  private String environmentHint(String credential) {
    String variable = EnvironmentCredentialStore.variableFor(connector, credential);
    return variable == null ? "" : " or set the environment variable " + variable;
  }

  private String fill(String template, String header) throws AuthenticationException {
    UrlTemplate parsed = UrlTemplate.parse(template).template();
    if (parsed == null) {
      return template;
    }
    StringBuilder value = new StringBuilder();
    for (UrlTemplate.Part part : parsed.parts()) {
      value.append(
          part.placeholder() ? require(part.text(), "header '" + header + "'") : part.text());
    }
    return value.toString();
  }

  /**
   * A line break would end the header and start another one. OkHttp refuses the other characters
   * too, but its message would quote the value for most header names.
   */
  private String headerValue(String header, String value) throws AuthenticationException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw new AuthenticationException(
            "the value for header '"
                + header
                + "' of "
                + context
                + " holds a line"
                + " break, control or non-ASCII character (check its credentials)");
      }
    }
    return value;
  }

  @Override
  public String toString() {
    return "AuthInterceptor{" + auth.method().wireName() + " for " + context + "}";
  }
}
