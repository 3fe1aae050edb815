package dev.paw.runtime.internal;

import java.util.regex.Pattern;

/** Preconditions for the names that scope pockets, connectors and credentials. */
public final class Names {

  private static final Pattern CONNECTOR = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern CREDENTIAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private Names() {}

  /** A connector name as connector files allow it ({@code stripe}, {@code rest_generic}). */
  public static String connector(String name) {
    if (name == null || !CONNECTOR.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a connector name: "
              + quote(name)
              + " (lower-case letters, digits and '_', starting with a letter)");
    }
    return name;
  }

  /** A pocket slug as {@code PocketSlug} makes them ({@code my-business}). */
  public static String slug(String slug) {
    if (slug == null || slug.length() > 100 || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("not a pocket slug: " + quote(slug));
    }
    return slug;
  }

  /** A credential name: letters, digits and '_' (it is also an environment variable name). */
  public static String credential(String name) {
    if (name == null || !CREDENTIAL.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a credential name: "
              + quote(name)
              + " (letters, digits and '_', not starting with a digit)");
    }
    return name;
  }

  private static String quote(String text) {
    return text == null ? "null" : "'" + text.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
