package dev.paw.runtime.internal.files;

import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.util.regex.Pattern;

/**
 * Neutralises CSV cells that a spreadsheet would run as a formula, following OWASP's CSV injection
 * guidance: a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a leading single quote (which spreadsheets show as text and do not evaluate) and is
 * written quoted. A plain number such as {@code -12.5} or {@code +3} is left alone: it cannot call
 * anything, and quoting it would turn numbers into text.
 */
final class SpreadsheetSafeCells {

  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  /** Quotes the empty string (as the exact export does, unlike NULL) and every neutralised cell. */
  static final QuoteStrategy QUOTES =
      new QuoteStrategy() {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
          return true;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
          return value.length() > 1
              && value.charAt(0) == '\''
              && startsDangerously(value.substring(1));
        }
      };

  private SpreadsheetSafeCells() {}

  /** {@code cell}, or {@code cell} after a single quote when a spreadsheet would evaluate it. */
  static String neutralise(String cell) {
    return cell != null && startsDangerously(cell) ? "'" + cell : cell;
  }

  private static boolean startsDangerously(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char first = cell.charAt(0);
    boolean trigger =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return trigger && !PLAIN_NUMBER.matcher(cell).matches();
  }
}
