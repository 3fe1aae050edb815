package dev.paw.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A URL with {@code {NAME}} placeholders, filled from a credential first, then from a parameter.
 * {@code {+NAME}} is a reserved expansion: its value may hold {@code /} (a path), never {@code ?},
 * {@code #} or {@code ..}. Values are always encoded, so none can change the host or add path
 * segments it was not allowed to.
 */
public final class UrlTemplate {

  /** One piece of a template: literal text, or a placeholder. */
  public record Part(String text, boolean placeholder, boolean reserved) {}

  private final String text;
  private final List<Part> parts;

  private UrlTemplate(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses a template.
   *
   * @return the template, or an error message describing the first malformed brace
   */
  public static Result parse(String text) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '}') {
        return Result.error("unmatched '}' at character " + (i + 1));
      }
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int end = text.indexOf('}', i);
      if (end < 0) {
        return Result.error("unclosed '{' at character " + (i + 1));
      }
      String inner = text.substring(i + 1, end);
      boolean reserved = inner.startsWith("+");
      String name = reserved ? inner.substring(1) : inner;
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        return Result.error(
            "'{" + inner + "}' is not a placeholder: names are letters, digits and '_'");
      }
      if (literal.length() > 0) {
        parts.add(new Part(literal.toString(), false, false));
        literal.setLength(0);
      }
      parts.add(new Part(name, true, reserved));
      i = end + 1;
    }
    if (literal.length() > 0) {
      parts.add(new Part(literal.toString(), false, false));
    }
    return new Result(new UrlTemplate(text, parts), null);
  }

  /** The outcome of {@link #parse}: a template or an error message. */
  public record Result(UrlTemplate template, String error) {
    static Result error(String message) {
      return new Result(null, message);
    }
  }

  public String text() {
    return text;
  }

  public List<Part> parts() {
    return parts;
  }

  /** The placeholder names, in order of appearance (with repeats). */
  public List<String> placeholders() {
    List<String> names = new ArrayList<>();
    for (Part part : parts) {
      if (part.placeholder()) {
        names.add(part.text());
      }
    }
    return names;
  }

  /**
   * The placeholders that stand where the scheme or host would be: at the very start, or before the
   * first {@code /} after {@code ://}. They decide where requests go, so only a credential (the
   * user's own configuration) may fill them.
   */
  public List<String> hostPlaceholders() {
    List<String> names = new ArrayList<>();
    StringBuilder seen = new StringBuilder();
    for (Part part : parts) {
      if (part.placeholder()) {
        String before = seen.toString();
        int scheme = before.indexOf("://");
        boolean inAuthority =
            scheme < 0 ? before.indexOf('/') < 0 : before.indexOf('/', scheme + 3) < 0;
        if (inAuthority) {
          names.add(part.text());
        }
        seen.append('x');
      } else {
        seen.append(part.text());
      }
    }
    return names;
  }

  /** True when the template names a scheme ({@code https://...}) or begins with a placeholder. */
  public boolean isAbsolute() {
    return text.contains("://") || (!parts.isEmpty() && parts.get(0).placeholder());
  }

  @Override
  public String toString() {
    return text;
  }
}
