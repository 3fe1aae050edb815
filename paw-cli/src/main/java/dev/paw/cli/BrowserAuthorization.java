package dev.paw.cli;

import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.AuthMethod;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.OAuth2Spec;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/**
 * The browser step of {@code paw connect} for OAuth 2 connectors: shows the authorization URL (and
 * opens a browser where there is a desktop), waits for the loopback redirect, and stores the grant.
 */
final class BrowserAuthorization {

  private final CliContext context;

  BrowserAuthorization(CliContext context) {
    this.context = context;
  }

  /** True when the connector authorizes through a browser. */
  static boolean applies(ConnectorSpec spec) {
    OAuth2Spec oauth2 = spec.auth().oauth2();
    return spec.auth().method() == AuthMethod.OAUTH2
        && oauth2 != null
        && OAuth2Spec.AUTHORIZATION_CODE.equals(oauth2.grant());
  }

  /** Authorizes unless a grant is stored already (or {@code again} asks for a new one). */
  void authorize(ConnectorSpec spec, Pocket pocket, boolean again, Duration timeout)
      throws IOException, InterruptedException {
    Paw.OAuthAuthorization authorization = context.paw().oauthAuthorization(pocket, spec.name());
    if (!again && !authorization.needed()) {
      return;
    }
    PrintWriter out = context.terminal().out();
    try (Paw.OAuthAuthorization.Pending pending = authorization.begin()) {
      String url = pending.authorizationUrl();
      out.println("Authorize paw for " + spec.displayName() + " in a browser:");
      out.println("  " + url);
      out.println(
          "Waiting for the browser at "
              + pending.redirectUri()
              + " (up to "
              + spoken(timeout)
              + ")...");
      out.flush();
      openBrowser(url);
      Paw.OAuthAuthorization.Grant grant = pending.await(timeout);
      out.println(
          "authorized "
              + spec.name()
              + (grant.refreshToken() ? "; its refresh token is stored encrypted" : ""));
    }
  }

  /** {@code 5 minutes}, {@code 1 minute}, {@code 90 seconds}. */
  static String spoken(Duration timeout) {
    long seconds = timeout.toSeconds();
    if (seconds % 60 != 0) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = seconds / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  private void openBrowser(String url) {
    if (!context.terminal().interactive()
        || GraphicsEnvironment.isHeadless()
        || !Desktop.isDesktopSupported()
        || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      return;
    }
    try {
      Desktop.getDesktop().browse(URI.create(url));
    } catch (IOException | RuntimeException e) {
      context
          .terminal()
          .err()
          .println("paw: could not open a browser (" + e.getMessage() + "); open the URL above");
    }
  }
}
