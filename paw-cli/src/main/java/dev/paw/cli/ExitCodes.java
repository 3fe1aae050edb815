package dev.paw.cli;

/** The exit codes of {@code paw}, the same for every command (and listed in {@code paw --help}). */
final class ExitCodes {

  /** Done. */
  static final int OK = 0;

  /** The work failed: invalid connector file, failed sync or action, unknown name. */
  static final int FAILED = 1;

  /** The command line itself was wrong. */
  static final int USAGE = 2;

  /** A trust level refused the action: nothing was sent. */
  static final int REFUSED = 3;

  /** Input the command needs is missing and there is no terminal to ask at. */
  static final int NEEDS_INPUT = 4;

  static final String HELP =
      "%nExit codes: 0 done, 1 failed, 2 usage error, 3 refused by a trust level (nothing"
          + " sent), 4 input needed but no terminal to ask at.";

  private ExitCodes() {}
}
