package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw connect} for an OAuth 2 connector, against mock-oauth2-server on 127.0.0.1: paw prints
 * the authorization URL and waits; the test plays the person's browser; later calls carry tokens
 * minted from the stored refresh token.
 */
class OAuthConnectTest {

  private static final Pattern URL =
      Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/google/authorize\\S+)");

  @StartStop final MockWebServer api = new MockWebServer();

  @TempDir Path home;

  private MockOAuth2Server oauth;

  @BeforeEach
  void setUp() throws Exception {
    oauth = new MockOAuth2Server();
    oauth.start(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}), 0);
    Path connectors = Files.createDirectories(home.resolve("connectors"));
    Files.writeString(
        connectors.resolve("mail.yaml"),
        """
        name: mail
        display_name: Mail
        base_url: %s
        auth:
          method: oauth2
          credentials:
            - { name: MAIL_CLIENT_ID, secret: false, required: true }
            - { name: MAIL_CLIENT_SECRET, required: true }
          oauth2:
            authorization_url: %s
            token_url: %s
            scopes: [openid, mail.read]
            client_id: MAIL_CLIENT_ID
            client_secret: MAIL_CLIENT_SECRET
        actions:
          - { name: list_messages, url: /messages, trust_level: auto }
        """
            .formatted(
                api.url("/v1"),
                oauth.authorizationEndpointUrl("google"),
                oauth.tokenEndpointUrl("google")));
  }

  @AfterEach
  void tearDown() {
    oauth.shutdown();
  }

  @Test
  void connectAuthorizesInTheBrowserAndLaterCallsUseFreshTokens() throws Exception {
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    Map<String, String> env =
        Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=");
    CompletableFuture<Integer> connect =
        CompletableFuture.supplyAsync(
            () ->
                PawCli.run(
                    new String[] {
                      "--home",
                      home.toString(),
                      "connect",
                      "mail",
                      "--pocket",
                      "Inbox",
                      "--credential",
                      "MAIL_CLIENT_ID=paw-desktop",
                      "--credential",
                      "MAIL_CLIENT_SECRET=secret-canary-77",
                      "--auth-timeout",
                      "30s"
                    },
                    terminal,
                    env));

    String authorizationUrl = null;
    for (int i = 0; i < 300 && authorizationUrl == null; i++) {
      Matcher m = URL.matcher(terminal.printed());
      authorizationUrl = m.find() ? m.group(1) : null;
      Thread.sleep(20);
    }
    assertThat(authorizationUrl).as(terminal.printed() + terminal.errors()).isNotNull();
    OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
    try (Response approval =
            browser.newCall(new Request.Builder().url(authorizationUrl).build()).execute();
        Response page =
            browser
                .newCall(new Request.Builder().url(approval.header("Location")).build())
                .execute()) {
      assertThat(page.body().string()).contains("paw is authorized for Mail");
    }

    assertThat(connect.get(30, TimeUnit.SECONDS)).as(terminal.errors()).isZero();
    assertThat(terminal.printed())
        .contains("(up to 30 seconds)...")
        .contains("authorized mail; its refresh token is stored encrypted")
        .contains("connected mail to pocket 'Inbox'");

    api.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("[]")
            .build());
    ScriptedTerminal run = new ScriptedTerminal(false);
    assertThat(
            PawCli.run(
                new String[] {
                  "--home", home.toString(), "run", "mail", "list_messages", "--pocket", "Inbox"
                },
                run,
                env))
        .as(run.errors())
        .isZero();
    assertThat(api.takeRequest().getHeaders().get("Authorization")).startsWith("Bearer ey");
    assertThat(terminal.printed() + terminal.errors() + run.printed())
        .doesNotContain("secret-canary-77");
  }
}
