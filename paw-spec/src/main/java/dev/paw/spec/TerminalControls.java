package dev.paw.spec;

/**
 * The characters a terminal acts on rather than shows: the one definition that connector files are
 * checked against (display strings may not hold them) and that the command line neutralises in
 * everything it prints.
 */
public final class TerminalControls {

  private TerminalControls() {}

  /**
   * True for C0 and C1 control characters (line feed and tab included), DEL, the bidirectional
   * overrides and isolates, and the line and paragraph separators.
   */
  public static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2028'
        || c == '\u2029';
  }
}
