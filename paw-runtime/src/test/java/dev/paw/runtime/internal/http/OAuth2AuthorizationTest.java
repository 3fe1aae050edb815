package dev.paw.runtime.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.pocket.Pockets;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization-code flow with PKCE and a loopback redirect against mock-oauth2-server, a real
 * OAuth 2 server run on 127.0.0.1; a test plays the browser.
 */
class OAuth2AuthorizationTest {

  private static final OkHttpClient BROWSER =
      new OkHttpClient.Builder().followRedirects(false).build();

  @TempDir Path home;

  private MockOAuth2Server oauth;
  private ScopedCredentials credentials;

  @BeforeEach
  void setUp() throws Exception {
    oauth = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"rotateRefreshToken\": true}"));
    oauth.start(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}), 0);
    Pocket pocket = new Pockets(PawHome.at(home)).open("Mail");
    credentials = new InMemoryCredentialStore().scoped(CredentialScope.of(pocket, "mail"));
    credentials.put("MAIL_CLIENT_ID", Secret.of("paw-desktop"));
    credentials.put("MAIL_CLIENT_SECRET", Secret.of("client-secret-canary-31"));
  }

  @AfterEach
  void tearDown() {
    oauth.shutdown();
  }

  private ConnectorSpec connector(String authorizationUrl, String tokenUrl) {
    return ConnectorLoader.load(
            """
        name: mail
        auth:
          method: oauth2
          credentials:
            - { name: MAIL_CLIENT_ID, secret: false, required: true }
            - { name: MAIL_CLIENT_SECRET, required: true }
          oauth2:
            authorization_url: %s
            token_url: %s
            scopes: [mail.read, openid]
            client_id: MAIL_CLIENT_ID
            client_secret: MAIL_CLIENT_SECRET
            authorization_params: { access_type: offline }
        actions:
          - { name: list, url: "https://mail.example/messages", trust_level: auto }
        """
                .formatted(authorizationUrl, tokenUrl),
            "mail.yaml")
        .orThrow();
  }

  private ConnectorSpec mockConnector() {
    return connector(
        oauth.authorizationEndpointUrl("google").toString(),
        oauth.tokenEndpointUrl("google").toString());
  }

  /**
   * Follows the authorization URL as a browser would, up to the loopback redirect, and opens that.
   */
  private static String browse(String authorizationUrl) throws Exception {
    try (Response approval =
        BROWSER.newCall(new Request.Builder().url(authorizationUrl).build()).execute()) {
      assertThat(approval.code()).isEqualTo(302);
      String redirect = approval.header("Location");
      try (Response page = BROWSER.newCall(new Request.Builder().url(redirect).build()).execute()) {
        return page.body().string();
      }
    }
  }

  @Test
  void aPersonAuthorizesOnceAndPawRefreshesFromThenOn() throws Exception {
    ConnectorSpec spec = mockConnector();
    OAuth2Authorization authorization =
        new OAuth2Authorization(spec, credentials, new OkHttpClient(), Clock.systemUTC());
    assertThat(authorization.needed()).isTrue();

    OAuth2Authorization.Grant grant;
    try (OAuth2Authorization.Pending pending = authorization.begin()) {
      HttpUrl url = HttpUrl.get(pending.authorizationUrl());
      assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
      assertThat(url.queryParameter("redirect_uri"))
          .startsWith("http://127.0.0.1:")
          .endsWith("/callback");
      assertThat(url.queryParameter("access_type")).isEqualTo("offline");
      assertThat(url.queryParameter("scope")).isEqualTo("mail.read openid");
      assertThat(browse(url.toString())).contains("paw is authorized");
      grant = pending.await(Duration.ofSeconds(10));
    }

    assertThat(grant.refreshToken()).isTrue();
    assertThat(authorization.needed()).isFalse();
    String firstRefreshToken = credentials.get("MAIL_REFRESH_TOKEN").orElseThrow().reveal();
    OAuth2TokenSource tokens =
        new OAuth2TokenSource(spec, credentials, new OkHttpClient(), Clock.systemUTC());
    assertThat(tokens.token().reveal()).startsWith("ey");
    // The server rotates refresh tokens: the new one replaced the old in the store.
    assertThat(credentials.get("MAIL_REFRESH_TOKEN").orElseThrow().reveal())
        .isNotEqualTo(firstRefreshToken);
  }

  @Test
  void aRevokedGrantNamesTheCommandThatFixesIt() throws Exception {
    ConnectorSpec spec = mockConnector();
    try (OAuth2Authorization.Pending pending =
        new OAuth2Authorization(spec, credentials, new OkHttpClient(), Clock.systemUTC()).begin()) {
      browse(pending.authorizationUrl());
      pending.await(Duration.ofSeconds(10));
    }
    String refreshToken = credentials.get("MAIL_REFRESH_TOKEN").orElseThrow().reveal();
    try (Response revoked =
        BROWSER
            .newCall(
                new Request.Builder()
                    .url(oauth.revocationEndpointUrl("google"))
                    .post(
                        new okhttp3.FormBody.Builder()
                            .add("token", refreshToken)
                            .add("token_type_hint", "refresh_token")
                            .add("client_id", "paw-desktop")
                            .build())
                    .build())
            .execute()) {
      assertThat(revoked.code()).as(revoked.body().string()).isEqualTo(200);
    }
    OAuth2TokenSource tokens =
        new OAuth2TokenSource(spec, credentials, new OkHttpClient(), Clock.systemUTC());

    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("invalid_grant")
        .hasMessageContaining("authorize again with: paw connect mail --pocket mail")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(refreshToken));
  }

  @Test
  void aDeniedAuthorizationAndAForeignStateAreHandled() throws Exception {
    OAuth2Authorization authorization =
        new OAuth2Authorization(
            mockConnector(), credentials, new OkHttpClient(), Clock.systemUTC());
    try (OAuth2Authorization.Pending pending = authorization.begin()) {
      String state = HttpUrl.get(pending.authorizationUrl()).queryParameter("state");
      try (Response foreign =
          BROWSER
              .newCall(
                  new Request.Builder()
                      .url(pending.redirectUri() + "?code=stolen&state=not-ours")
                      .build())
              .execute()) {
        assertThat(foreign.code()).isEqualTo(400);
      }
      try (Response denied =
          BROWSER
              .newCall(
                  new Request.Builder()
                      .url(pending.redirectUri() + "?error=access_denied&state=" + state)
                      .build())
              .execute()) {
        assertThat(denied.body().string()).contains("not granted");
      }
      assertThatThrownBy(() -> pending.await(Duration.ofSeconds(5)))
          .hasMessageContaining("was not granted (access_denied)");
    }
    assertThat(credentials.get("MAIL_REFRESH_TOKEN")).isEmpty();
  }

  @Test
  void theCodeIsExchangedWithTheVerifierOfTheChallenge() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":3600}")
              .build());
      ConnectorSpec spec =
          connector("https://auth.mail.example/authorize", server.url("/token").toString());
      try (OAuth2Authorization.Pending pending =
          new OAuth2Authorization(spec, credentials, new OkHttpClient(), Clock.systemUTC())
              .begin()) {
        HttpUrl url = HttpUrl.get(pending.authorizationUrl());
        try (Response page =
            BROWSER
                .newCall(
                    new Request.Builder()
                        .url(
                            pending.redirectUri()
                                + "?code=c0de&state="
                                + url.queryParameter("state"))
                        .build())
                .execute()) {
          assertThat(page.code()).isEqualTo(200);
        }
        pending.await(Duration.ofSeconds(5));

        RecordedRequest exchange = server.takeRequest();
        HttpUrl form = HttpUrl.get("http://x/?" + exchange.getBody().utf8());
        assertThat(form.queryParameter("grant_type")).isEqualTo("authorization_code");
        assertThat(form.queryParameter("code")).isEqualTo("c0de");
        assertThat(form.queryParameter("redirect_uri")).isEqualTo(pending.redirectUri());
        assertThat(OAuth2Authorization.challenge(form.queryParameter("code_verifier")))
            .isEqualTo(url.queryParameter("code_challenge"));
        assertThat(exchange.getHeaders().get("Authorization")).startsWith("Basic ");
      }
    }
    assertThat(credentials.get("MAIL_REFRESH_TOKEN").orElseThrow().reveal()).isEqualTo("rt");
  }
}
