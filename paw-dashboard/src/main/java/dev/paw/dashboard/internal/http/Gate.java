package dev.paw.dashboard.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may read: a request whose {@code Host} is this server's own loopback address (a page of
 * another site that rebinds its DNS name to 127.0.0.1 sends its own name), carrying the random
 * token in the {@code paw_token} cookie, or once in the URL (the page then moves it to the cookie).
 */
final class Gate {

  static final String COOKIE = "paw_token";
  static final String PARAMETER = "token";

  /** What the gate decided. */
  enum Verdict {
    /** The cookie carries the token. */
    ALLOWED,
    /** The URL carries the token: set the cookie, then send the browser to the URL without it. */
    MOVE_TO_COOKIE,
    /** No token at all: 401. */
    NO_TOKEN,
    /** A token, but not this server's: 403. */
    WRONG_TOKEN,
    /** A Host header that is not this server's loopback address: 403. */
    WRONG_HOST
  }

  private final byte[] token;
  private final String tokenText;
  private final Set<String> hosts;

  Gate(String token, int port) {
    this.tokenText = token;
    this.token = token.getBytes(StandardCharsets.US_ASCII);
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
  }

  /** A new 256-bit token, URL-safe. */
  static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  String token() {
    return tokenText;
  }

  Verdict check(Request request, String queryToken) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      return Verdict.WRONG_HOST;
    }
    if (queryToken != null) {
      return matches(queryToken) ? Verdict.MOVE_TO_COOKIE : Verdict.WRONG_TOKEN;
    }
    List<HttpCookie> cookies = Request.getCookies(request);
    String cookie =
        cookies == null
            ? null
            : cookies.stream()
                .filter(c -> c.getName().equals(COOKIE))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    if (cookie == null) {
      return Verdict.NO_TOKEN;
    }
    return matches(cookie) ? Verdict.ALLOWED : Verdict.WRONG_TOKEN;
  }

  HttpCookie cookie() {
    return HttpCookie.build(COOKIE, tokenText)
        .path("/")
        .httpOnly(true)
        .sameSite(HttpCookie.SameSite.STRICT)
        .build();
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.US_ASCII));
  }
}
