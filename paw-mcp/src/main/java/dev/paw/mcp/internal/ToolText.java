package dev.paw.mcp.internal;

import java.util.Locale;

/** Text from connector files and clients made safe to show: one line, no control characters. */
final class ToolText {

  private ToolText() {}

  /** {@code text} without control characters, at most {@code max} characters. */
  static String clean(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    text.codePoints()
        .limit(max)
        .forEach(
            c -> {
              boolean control =
                  Character.isISOControl(c)
                      || Character.getType(c) == Character.FORMAT
                      || c == 0x2028
                      || c == 0x2029;
              out.appendCodePoint(control ? ' ' : c);
            });
    return out.toString().trim();
  }

  /**
   * A name valid for an MCP tool ({@code [A-Za-z0-9_-]}, at most 64 characters): other characters
   * become {@code _}.
   */
  static String toolName(String connector, String action) {
    String raw = (connector + "_" + action).toLowerCase(Locale.ROOT);
    String name = raw.replaceAll("[^a-z0-9_-]", "_");
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
