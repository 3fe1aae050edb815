package dev.paw.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paw.runtime.Paw;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.OAuth2Spec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The OAuth 2 authorization-code flow for a person at a browser (RFC 6749 §4.1, with PKCE S256 from
 * RFC 7636 and a loopback redirect from RFC 8252 §7.3): paw listens on {@code 127.0.0.1}, the
 * person approves access at the authorization URL, the browser brings the code back, and paw
 * exchanges it and stores the refresh token, encrypted, where {@link OAuth2TokenSource} takes it
 * from.
 */
public final class OAuth2Authorization implements Paw.OAuthAuthorization {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CALLBACK = "/callback";

  private final ConnectorSpec connector;
  private final OAuth2Spec oauth2;
  private final ScopedCredentials credentials;
  private final TokenEndpoint endpoint;
  private final Clock clock;

  public OAuth2Authorization(
      ConnectorSpec connector, ScopedCredentials credentials, OkHttpClient client, Clock clock) {
    this.connector = connector;
    this.oauth2 = connector.auth().oauth2();
    if (oauth2 == null || !OAuth2Spec.AUTHORIZATION_CODE.equals(oauth2.grant())) {
      throw new IllegalArgumentException(
          "connector '"
              + connector.name()
              + "' does not use the OAuth 2"
              + " authorization-code grant");
    }
    this.credentials = credentials;
    this.clock = clock;
    this.endpoint =
        new TokenEndpoint(
            connector,
            credentials,
            client,
            "connector '" + connector.name() + "'",
            OAuth2TokenSource.reauthorize(connector, credentials));
  }

  /** True when the connector needs a person to authorize it (it has no refresh token yet). */
  @Override
  public boolean needed() {
    return credentials.get(OAuth2TokenSource.refreshTokenCredential(connector)).isEmpty();
  }

  /**
   * Starts listening for the redirect; the caller shows {@link Pending#authorizationUrl()} to the
   * person.
   */
  @Override
  public Pending begin() throws IOException {
    return new Pending();
  }

  /** One authorization in progress: its URL, and the loopback listener waiting for the browser. */
  public final class Pending implements Paw.OAuthAuthorization.Pending {

    private final HttpServer server;
    private final String state = random(24);
    private final String verifier = random(48);
    private final String redirectUri;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

    private Pending() throws IOException {
      // 127.0.0.1 itself, as the redirect URI says: the loopback address may be ::1
      // (java.net.preferIPv6Addresses)
      server =
          HttpServer.create(
              new InetSocketAddress(
                  InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), 0),
              0);
      server.createContext(CALLBACK, this::receive);
      server.start();
      redirectUri = "http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK;
    }

    /** Where the person approves access. */
    @Override
    public String authorizationUrl() throws AuthenticationException {
      HttpUrl base =
          new UrlExpander(
                  connector,
                  credentials::get,
                  "connector '" + connector.name() + "' (authorization_url)")
              .expand(oauth2.authorizationUrl(), Map.of(), Set.of(), new ArrayList<>());
      HttpUrl.Builder url =
          base.newBuilder()
              .addQueryParameter("response_type", "code")
              .addQueryParameter("client_id", endpoint.credential(oauth2.clientId()))
              .addQueryParameter("redirect_uri", redirectUri)
              .addQueryParameter("state", state);
      if (!oauth2.scopes().isEmpty()) {
        url.addQueryParameter("scope", String.join(" ", oauth2.scopes()));
      }
      if (oauth2.pkce()) {
        url.addQueryParameter("code_challenge", challenge(verifier))
            .addQueryParameter("code_challenge_method", "S256");
      }
      oauth2.authorizationParams().forEach(url::addQueryParameter);
      return url.build().toString();
    }

    /** The loopback address the browser is sent back to. */
    @Override
    public String redirectUri() {
      return redirectUri;
    }

    /** Waits for the browser, checks {@code state}, exchanges the code and stores the tokens. */
    @Override
    public Grant await(Duration timeout) throws IOException, InterruptedException {
      Map<String, String> answer;
      try {
        answer = callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new AuthenticationException(
            "no answer from the browser within "
                + timeout.toSeconds()
                + " s; run the command again to get a new authorization URL");
      } catch (ExecutionException e) {
        throw new AuthenticationException(e.getCause().getMessage());
      }
      FormBody.Builder form =
          new FormBody.Builder()
              .add("grant_type", "authorization_code")
              .add("code", answer.get("code"))
              .add("redirect_uri", redirectUri);
      if (oauth2.pkce()) {
        form.add("code_verifier", verifier);
      }
      Instant sentAt = clock.instant();
      JsonNode body = endpoint.post(form);
      return store(body, sentAt);
    }

    private Grant store(JsonNode body, Instant sentAt) throws AuthenticationException {
      String refresh = body.path("refresh_token").asText("");
      String accessCredential = connector.auth().credential();
      if (refresh.isEmpty() && accessCredential == null) {
        throw new AuthenticationException(
            "the authorization server of connector '"
                + connector.name()
                + "' issued"
                + " no refresh token, so paw could not sync later on its own; ask for offline access (for Google:"
                + " authorization_params: { access_type: offline, prompt: consent })");
      }
      if (!refresh.isEmpty()) {
        credentials.put(OAuth2TokenSource.refreshTokenCredential(connector), Secret.of(refresh));
      }
      if (accessCredential != null) {
        credentials.put(accessCredential, Secret.of(body.get("access_token").asText()));
      }
      long lifetime = body.path("expires_in").asLong(0);
      return new Grant(
          !refresh.isEmpty(),
          lifetime > 0 ? sentAt.plusSeconds(lifetime) : null,
          body.path("scope").asText(null));
    }

    /** The browser's redirect: the code and state, or the server's error. */
    private void receive(HttpExchange exchange) throws IOException {
      try (exchange) {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String page;
        String answered = query.get("state");
        if (answered == null
            || !MessageDigest.isEqual(
                state.getBytes(StandardCharsets.US_ASCII),
                answered.getBytes(StandardCharsets.US_ASCII))) {
          page =
              "This answer does not belong to the authorization paw started (its state differs); ignored.";
          respond(exchange, 400, page);
          return;
        }
        if (query.containsKey("error")) {
          String error =
              query.get("error").matches("[a-z_]{1,40}") ? query.get("error") : "unreadable error";
          callback.completeExceptionally(
              new AuthenticationException(
                  "authorization of connector '"
                      + connector.name()
                      + "' was not granted ("
                      + error
                      + ")"));
          page = "Authorization was not granted (" + error + "). You can close this window.";
        } else if (query.get("code") == null) {
          callback.completeExceptionally(
              new AuthenticationException("the authorization server sent no code"));
          page = "The authorization server sent no code. You can close this window.";
        } else {
          callback.complete(query);
          page =
              "paw is authorized for " + connector.displayName() + ". You can close this window.";
        }
        respond(exchange, 200, page);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body =
        ("<!doctype html><meta charset=utf-8><title>paw</title><p>" + text.replace("<", "&lt;"))
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      values.put(
          name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  /** A random URL-safe string (RFC 7636 §4.1: the verifier is 43 to 128 unreserved characters). */
  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** {@code BASE64URL(SHA256(verifier))}, RFC 7636 §4.2. */
  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
