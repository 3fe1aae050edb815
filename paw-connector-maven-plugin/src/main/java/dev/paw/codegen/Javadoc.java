package dev.paw.codegen;

/** Makes connector-file text safe inside a Javadoc comment. */
final class Javadoc {

  private Javadoc() {}

  /** Escapes HTML and anything that would end the comment; {@code null} becomes empty. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.strip()
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;")
        .replace("\\u", "&#92;u");
  }

  /** The text as a sentence: escaped, with a full stop when it has none. */
  static String sentence(String text) {
    String escaped = escape(text);
    if (escaped.isEmpty()) {
      return escaped;
    }
    return escaped.endsWith(".") || escaped.endsWith("!") || escaped.endsWith("?")
        ? escaped
        : escaped + ".";
  }
}
