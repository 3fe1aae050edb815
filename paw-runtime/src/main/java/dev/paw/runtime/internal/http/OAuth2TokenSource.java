package dev.paw.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.OAuth2Spec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;

/**
 * Access tokens for one OAuth 2 connection, from its {@code auth.oauth2.token_url}:
 *
 * <ul>
 *   <li>grant {@code client_credentials}: a token for the client itself (client id and secret from
 *       credentials);
 *   <li>otherwise the refresh-token grant, from the refresh token stored under {@link
 *       #refreshTokenCredential}. When the server rotates refresh tokens, the new one is written
 *       back to the credential store at once.
 * </ul>
 *
 * Without a refresh token, a ready-made access token in the connector's {@code credential} is used
 * as is. Tokens are cached in memory (never stored) until {@value #EXPIRY_MARGIN_SECONDS} seconds
 * before they expire.
 *
 * <p>The browser authorization-code flow is a later addition. Its seam is the credential store:
 * that flow only has to store the refresh token (and may store an access token) in this
 * connection's scope; this class takes it from there. The client authenticates with HTTP Basic when
 * it has a secret (RFC 6749 §2.3.1 says every server must accept it), and sends only its {@code
 * client_id} when it is a public client.
 */
public final class OAuth2TokenSource {

  static final long EXPIRY_MARGIN_SECONDS = 60;

  private final OAuth2Spec oauth2;
  private final String accessTokenCredential;
  private final String refreshTokenCredential;
  private final ScopedCredentials credentials;
  private final TokenEndpoint endpoint;
  private final Clock clock;
  private final String context;

  private Secret cached;

  /** The refresh token the server rotated to last, in this process. */
  private Secret rotatedRefresh;

  /**
   * What the store read as right after {@link #rotatedRefresh} was stored: itself, unless something
   * shadows it.
   */
  private Optional<String> storedAfterRotation = Optional.empty();

  private Instant expiresAt;

  /**
   * @param client the client for the token endpoint: the shared one (with retry and logging if
   *     wanted), not a connection client, whose auth would call back into this source
   */
  public OAuth2TokenSource(
      ConnectorSpec connector, ScopedCredentials credentials, OkHttpClient client, Clock clock) {
    if (connector.auth().oauth2() == null) {
      throw new IllegalArgumentException(
          "connector '" + connector.name() + "' has no auth.oauth2 settings");
    }
    this.oauth2 = connector.auth().oauth2();
    this.accessTokenCredential = connector.auth().credential();
    this.refreshTokenCredential = refreshTokenCredential(connector);
    this.credentials = credentials;
    this.clock = clock;
    this.context = "connector '" + connector.name() + "'";
    this.endpoint =
        new TokenEndpoint(
            connector, credentials, client, context, reauthorize(connector, credentials));
  }

  /**
   * Where a connector's refresh token is stored: the credential it declares whose name ends in
   * {@code REFRESH_TOKEN}, else {@code <CONNECTOR>_REFRESH_TOKEN} ({@code GMAIL_REFRESH_TOKEN}).
   */
  public static String refreshTokenCredential(ConnectorSpec connector) {
    return connector.auth().credentials().stream()
        .map(CredentialSpec::name)
        .filter(n -> n.toUpperCase(Locale.ROOT).endsWith("REFRESH_TOKEN"))
        .findFirst()
        .orElse(connector.name().toUpperCase(Locale.ROOT) + "_REFRESH_TOKEN");
  }

  /** The command that authorizes this connection again. */
  static String reauthorize(ConnectorSpec connector, ScopedCredentials credentials) {
    return "paw connect " + connector.name() + " --pocket " + credentials.scope().pocket();
  }

  /** A valid access token: the cached one, or a fresh one from the token endpoint. */
  public synchronized Secret token() throws IOException {
    if (cached != null && (expiresAt == null || clock.instant().isBefore(expiresAt))) {
      return cached;
    }
    if (OAuth2Spec.CLIENT_CREDENTIALS.equals(oauth2.grant())) {
      return fetch(new FormBody.Builder().add("grant_type", "client_credentials"), true);
    }
    // Read, send and store the refresh token holding the scope's credentials: another process (or
    // connection)
    // refreshing at the same time waits, then reads the token this one stored, instead of sending
    // the one the
    // server has just rotated away, or storing an older token after a newer one.
    Secret fresh =
        credentials.exclusively(
            () -> {
              Optional<Secret> refresh = refreshToken();
              return refresh.isEmpty()
                  ? null
                  : fetch(
                      new FormBody.Builder()
                          .add("grant_type", "refresh_token")
                          .add("refresh_token", refresh.get().reveal()),
                      false);
            });
    if (fresh != null) {
      return fresh;
    }
    if (accessTokenCredential != null) {
      Optional<Secret> stored = credentials.get(accessTokenCredential);
      if (stored.isPresent()) {
        cached = stored.get();
        expiresAt = null; // lifetime unknown: used until the server answers 401
        return cached;
      }
    }
    throw new AuthenticationException(
        context
            + " has no OAuth 2 refresh token ('"
            + refreshTokenCredential
            + "')"
            + (accessTokenCredential == null
                ? ""
                : " or access token ('" + accessTokenCredential + "')")
            + ": authorize it first with: "
            + endpoint.reauthorize());
  }

  /**
   * Forgets {@code rejected} (the server answered 401 to it), so the next {@link #token()} fetches
   * a new one.
   */
  public synchronized void invalidate(Secret rejected) {
    if (cached == rejected) {
      cached = null;
      expiresAt = null;
    }
  }

  /**
   * The refresh token to send: the stored one, unless the store still reads as it did right after
   * this source stored its rotated token, which it then cannot have taken (an environment variable
   * shadows the encrypted store).
   */
  private Optional<Secret> refreshToken() {
    Optional<Secret> stored = credentials.get(refreshTokenCredential);
    if (rotatedRefresh != null && stored.map(Secret::reveal).equals(storedAfterRotation)) {
      return Optional.of(rotatedRefresh);
    }
    return stored;
  }

  private Secret fetch(FormBody.Builder form, boolean withScopes) throws IOException {
    if (withScopes && !oauth2.scopes().isEmpty()) {
      form.add("scope", String.join(" ", oauth2.scopes()));
    }
    Instant sentAt = clock.instant();
    JsonNode body = endpoint.post(form);
    cached = Secret.of(body.get("access_token").asText());
    long lifetime = body.path("expires_in").asLong(0);
    expiresAt =
        lifetime > 0
            ? sentAt.plus(Duration.ofSeconds(Math.max(0, lifetime - EXPIRY_MARGIN_SECONDS)))
            : null;
    String rotated = body.path("refresh_token").asText("");
    if (!rotated.isEmpty()) {
      rotatedRefresh = Secret.of(rotated);
      try {
        credentials.put(refreshTokenCredential, rotatedRefresh);
        storedAfterRotation = credentials.get(refreshTokenCredential).map(Secret::reveal);
      } catch (RuntimeException e) {
        try {
          storedAfterRotation =
              credentials.get(refreshTokenCredential).map(Secret::reveal); // the old one
        } catch (RuntimeException unreadable) {
          storedAfterRotation = Optional.empty();
        }
        // this process goes on with the new token; the next one will find only the old, refused one
        System.getLogger(OAuth2TokenSource.class.getName())
            .log(
                System.Logger.Level.WARNING,
                () ->
                    context
                        + ": the rotated refresh token could not be stored ("
                        + e.getMessage()
                        + "); the next run will need: "
                        + endpoint.reauthorize()
                        + " --reauthorize");
      }
    }
    return cached;
  }

  @Override
  public String toString() {
    return "OAuth2TokenSource{" + context + ", grant " + oauth2.grant() + "}";
  }
}
