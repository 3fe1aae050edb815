package dev.paw.cli;

import dev.paw.spec.TerminalControls;
import java.util.Locale;

/**
 * Makes text safe to print on a terminal. Connector files, API error bodies, synced data and
 * parameter values can hold characters a terminal obeys instead of showing: ESC and CSI sequences
 * (clear the screen, set the window title, move the cursor), a carriage return (rewrite the line),
 * C1 controls (the one-byte CSI U+009B), DEL, and bidirectional overrides (show a line in another
 * order). Each is replaced by a visible form: C0 controls and DEL in caret notation as {@code cat
 * -v} shows them ({@code ESC} as {@code ^[}, CR as {@code ^M}, DEL as {@code ^?}), the others as
 * {@code <U+009B>}. Line breaks and tabs stay in running text; a line break right after a CR stays
 * too (a Windows line end).
 */
final class TerminalText {

  private TerminalText() {}

  /** {@code text} with every control character but line breaks and tabs made visible. */
  static String neutralise(String text) {
    return neutralise(text, false);
  }

  /** {@code text} on one line: line breaks and tabs are made visible too (table cells, prompts). */
  static String singleLine(String text) {
    return neutralise(text, true);
  }

  /** True when a terminal would act on {@code c} rather than show it. */
  static boolean isUnsafe(char c) {
    return TerminalControls.isControl(c);
  }

  private static String neutralise(String text, boolean oneLine) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean keep =
          !isUnsafe(c)
              || (!oneLine
                  && (c == '\n'
                      || c == '\t'
                      || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')));
      if (keep) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      out.append(visible(c));
    }
    return out == null ? text : out.toString();
  }

  private static String visible(char c) {
    if (c < 0x20) {
      return "^" + (char) (c + 0x40);
    }
    if (c == 0x7f) {
      return "^?";
    }
    return String.format(Locale.ROOT, "<U+%04X>", (int) c);
  }
}
