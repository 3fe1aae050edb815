package dev.paw.spec;

import java.util.Locale;
import java.util.Optional;

/** How a connector authenticates its requests. */
public enum AuthMethod {
  /** A static key, sent in a header or a query parameter. */
  API_KEY("api_key"),
  /** A token sent as {@code Authorization: Bearer <token>}. */
  BEARER("bearer"),
  /** HTTP basic authentication from two credentials. */
  BASIC("basic"),
  /** OAuth 2 (PocketPaw also spells it {@code oauth}). */
  OAUTH2("oauth2"),
  /** A session cookie. */
  COOKIE("cookie"),
  /** A credential sent in a named header of the connector's choosing. */
  HEADER("header"),
  /** No authentication. */
  NONE("none");

  private final String wireName;

  AuthMethod(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Parses a connector file's spelling, accepting {@code oauth} for {@link #OAUTH2}. */
  public static Optional<AuthMethod> parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("oauth")) {
      return Optional.of(OAUTH2);
    }
    for (AuthMethod method : values()) {
      if (method.wireName.equals(lower)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
