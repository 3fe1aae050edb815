package dev.paw.spec.yaml;

import dev.paw.spec.TerminalControls;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Text from a connector file that people read in a terminal ({@code display_name}, descriptions of
 * actions, parameters and credentials). A hostile file could hide terminal commands in it (written
 * as {@code "\e[2J"} in a double-quoted YAML string): clear the screen, set the window title, or
 * rewrite the line of an approval prompt. Such text is refused when the file is read: control
 * characters (C0, DEL, C1), bidirectional embeddings, overrides and isolates, and line and
 * paragraph separators. Descriptions may span lines and hold tabs; a display name is one line.
 */
final class DisplayText {

  /** Whether line breaks and tabs are allowed. */
  enum Lines {
    ONE,
    MANY
  }

  private DisplayText() {}

  /**
   * {@code node}'s text, or {@code null} with an error at {@code node} when it holds a forbidden
   * character.
   */
  static String read(YamlReader reader, Node node, String what, Lines lines) {
    String text = reader.text(node, what);
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (forbidden(c, lines)) {
        reader.error(
            node,
            what
                + " holds "
                + name(c)
                + " at character "
                + (i + 1)
                + ": text from a connector file is"
                + " shown in terminals, where such characters can clear the screen or rewrite a line; "
                + (lines == Lines.ONE
                    ? "a display name is one line of visible text"
                    : "a description may hold line breaks and tabs but no other control characters"));
        return null;
      }
    }
    return text;
  }

  static boolean forbidden(char c, Lines lines) {
    if (c == '\n' || c == '\t') {
      return lines == Lines.ONE;
    }
    return TerminalControls.isControl(c);
  }

  private static String name(char c) {
    String code = String.format(Locale.ROOT, "U+%04X", (int) c);
    if (c == '\n' || c == '\t') {
      return "a " + (c == '\n' ? "line break" : "tab") + " (" + code + ")";
    }
    if (c == 0x1b) {
      return "an escape character (" + code + ", which starts terminal commands)";
    }
    return Character.isISOControl(c)
        ? "a control character (" + code + ")"
        : "an invisible formatting character (" + code + ")";
  }
}
