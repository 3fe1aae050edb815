package dev.paw.spec.diagnostic;

import dev.paw.spec.Location;
import java.util.Comparator;

/**
 * One finding about a connector file, at the place it was found. The message is always one line:
 * line breaks and other control characters in text quoted from the file are written as escapes (a
 * backslash and {@code n}), so a file cannot print lines into the build output that look like
 * diagnostics of their own.
 */
public record Diagnostic(Severity severity, Location location, String message) {

  public Diagnostic {
    message = message == null ? null : oneLine(message);
  }

  /** File, then line, then column: the order a reader of the file meets them. */
  public static final Comparator<Diagnostic> IN_FILE_ORDER =
      Comparator.comparing((Diagnostic d) -> d.location().path())
          .thenComparingInt(d -> d.location().line())
          .thenComparingInt(d -> d.location().column());

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The compiler form: {@code path:line:col: message} for errors and {@code path:line:col: warning:
   * message} for warnings.
   */
  @Override
  public String toString() {
    return location + (isError() ? ": " : ": warning: ") + message;
  }

  /** {@code text} with line breaks, tabs and other control characters written as escapes. */
  static String oneLine(String text) {
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c)
                    : null;
          };
      if (escape != null && escaped == null) {
        escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (escaped != null) {
        escaped.append(escape != null ? escape : String.valueOf(c));
      }
    }
    return escaped == null ? text : escaped.toString();
  }
}
