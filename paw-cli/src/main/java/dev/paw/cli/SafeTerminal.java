package dev.paw.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A terminal whose output cannot command the terminal: everything written to {@link #out()} and
 * {@link #err()}, and every prompt, passes through {@link TerminalText}. {@link PawCli} wraps the
 * terminal it is given in one, so that no command, help text or error message needs to remember to.
 */
final class SafeTerminal implements Terminal {

  private final Terminal terminal;
  private final PrintWriter out;
  private final PrintWriter err;

  private SafeTerminal(Terminal terminal) {
    this.terminal = terminal;
    this.out = new PrintWriter(new NeutralisingWriter(terminal.out()), true);
    this.err = new PrintWriter(new NeutralisingWriter(terminal.err()), true);
  }

  static Terminal wrap(Terminal terminal) {
    return terminal instanceof SafeTerminal ? terminal : new SafeTerminal(terminal);
  }

  @Override
  public PrintWriter out() {
    return out;
  }

  @Override
  public PrintWriter err() {
    return err;
  }

  @Override
  public boolean interactive() {
    return terminal.interactive();
  }

  @Override
  public String readLine(String prompt) {
    out.flush();
    err.flush();
    return terminal.readLine(TerminalText.singleLine(prompt));
  }

  @Override
  public char[] readSecret(String prompt) {
    out.flush();
    err.flush();
    return terminal.readSecret(TerminalText.singleLine(prompt));
  }

  /**
   * The one carriage return that reaches the terminal is paw's own; the text cannot hold another.
   */
  @Override
  public void redrawLine(String text) {
    out.flush();
    terminal.redrawLine(TerminalText.singleLine(text));
  }

  @Override
  public String readAllInput() {
    return terminal.readAllInput();
  }

  @Override
  public java.io.InputStream protocolIn() {
    return terminal.protocolIn();
  }

  @Override
  public java.io.OutputStream protocolOut() {
    return terminal.protocolOut();
  }

  /** Neutralises each chunk written; a CR and LF written together (a Windows line end) stay. */
  private static final class NeutralisingWriter extends Writer {
    private final PrintWriter target;

    NeutralisingWriter(PrintWriter target) {
      this.target = target;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      target.write(TerminalText.neutralise(new String(buffer, offset, length)));
    }

    @Override
    public void flush() {
      target.flush();
    }

    @Override
    public void close() {
      target.flush();
    }
  }
}
