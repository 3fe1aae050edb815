package dev.paw.runtime.internal.pocket;

import java.util.Locale;

/**
 * Turns a pocket's display name into the slug that names its directory: lower case, every run of
 * characters other than {@code a-z} and {@code 0-9} becomes one {@code -}, and leading and trailing
 * {@code -} are dropped. "My Business" becomes {@code my-business}; so does "my business!". The
 * slug can hold no {@code .} or {@code /}, so it can never name a directory outside {@code
 * pockets/}.
 */
public final class PocketSlug {

  /** Longer slugs are refused: they make unwieldy directory names and hit file-system limits. */
  public static final int MAX_LENGTH = 100;

  private PocketSlug() {}

  /**
   * The slug of {@code name}.
   *
   * @throws IllegalArgumentException when the name has no letter or digit, or its slug is longer
   *     than {@value #MAX_LENGTH}
   */
  public static String of(String name) {
    if (name == null) {
      throw new IllegalArgumentException("a pocket needs a name");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder(lower.length());
    boolean dash = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && slug.length() > 0) {
          slug.append('-');
        }
        slug.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    if (slug.length() == 0) {
      throw new IllegalArgumentException(
          "pocket name '"
              + printable(name)
              + "' has no letter or digit (a-z, 0-9)"
              + " to name its directory");
    }
    if (slug.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "pocket name is too long: its slug has "
              + slug.length()
              + " characters, at most "
              + MAX_LENGTH
              + " are allowed");
    }
    return slug.toString();
  }

  private static String printable(String name) {
    String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
