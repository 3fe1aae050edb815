package dev.paw.spec;

import java.util.Locale;

/** How a list endpoint pages through its records. */
public enum PaginationStyle {
  /** One page only. */
  NONE,
  /**
   * Stripe's style: the last record's id goes in {@code starting_after} while {@code has_more} is
   * true.
   */
  CURSOR,
  /** A next-page token from the body goes back as a parameter until the body has none. */
  TOKEN,
  /** Follow the {@code Link: <...>; rel="next"} header. */
  LINK_HEADER,
  /** A page number that counts up until a short or empty page. */
  PAGE,
  /** A record offset that counts up by the page size until a short or empty page. */
  OFFSET,
  /** The body holds the URL of the next page. */
  NEXT_URL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
