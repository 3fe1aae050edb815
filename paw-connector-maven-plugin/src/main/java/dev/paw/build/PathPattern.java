package dev.paw.build;

import java.util.regex.Pattern;

/**
 * An Ant-style path pattern, as Maven users write includes and excludes: {@code *} matches within
 * one path segment, {@code ?} one character of a segment, and {@code **} any number of segments,
 * including none (so {@code **}{@code /*.yaml} matches {@code stripe.yaml} as well as {@code
 * billing/stripe.yaml}). A pattern ending in {@code /} matches everything below that directory.
 * Paths are relative and use {@code /} separators.
 */
public final class PathPattern {

  private final String pattern;
  private final Pattern regex;

  private PathPattern(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  /** Compiles {@code pattern}; {@code \} separators are read as {@code /}. */
  public static PathPattern compile(String pattern) {
    String p = pattern.trim().replace('\\', '/');
    if (p.isEmpty()) {
      throw new IllegalArgumentException("an include or exclude pattern must not be empty");
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    if (p.endsWith("/")) {
      p = p + "**";
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (p.startsWith("**/", i)) {
        out.append("(?:.*/)?");
        i += 3;
      } else if (p.startsWith("**", i)) {
        out.append(".*");
        i += 2;
      } else if (c == '*') {
        out.append("[^/]*");
        i++;
      } else if (c == '?') {
        out.append("[^/]");
        i++;
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return new PathPattern(pattern, Pattern.compile(out.toString()));
  }

  /** Whether {@code relativePath} (with {@code /} separators) matches. */
  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
