package dev.paw.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/** Where {@code paw} talks to a person: output streams, and prompts when a terminal is attached. */
interface Terminal {

  PrintWriter out();

  PrintWriter err();

  /** True when a person can answer prompts (a console is attached). */
  boolean interactive();

  /** Reads a line after a prompt; {@code null} at end of input. */
  String readLine(String prompt);

  /** Reads a secret after a prompt without echoing it; {@code null} at end of input. */
  char[] readSecret(String prompt);

  /**
   * Replaces the current line of {@link #out()} with {@code text} (a progress line): a carriage
   * return, the text.
   */
  default void redrawLine(String text) {
    out().print("\r" + text);
    out().flush();
  }

  /** Reads standard input to its end (for {@code --credential NAME=-}). */
  String readAllInput();

  /** Standard input as bytes, for a protocol spoken over it ({@code paw mcp}). */
  default java.io.InputStream protocolIn() {
    return System.in;
  }

  /**
   * Standard output as bytes, for a protocol spoken over it ({@code paw mcp}): nothing else may be
   * written there meanwhile.
   */
  default java.io.OutputStream protocolOut() {
    return System.out;
  }

  /** The process's own terminal: {@link System#console()} when there is one. */
  static Terminal system() {
    Console console = System.console();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    return new Terminal() {
      private final BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));

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
        return console != null;
      }

      @Override
      public String readLine(String prompt) {
        if (console != null) {
          return console.readLine("%s", prompt);
        }
        err.print(prompt);
        err.flush();
        try {
          return in.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String readAllInput() {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        try {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            text.append(buffer, 0, n);
            if (text.length() > CredentialArgument.MAX_BYTES) {
              throw new IllegalArgumentException(
                  "standard input holds more than "
                      + CredentialArgument.MAX_BYTES / 1024
                      + " KiB: that is not a credential");
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return text.toString();
      }

      @Override
      public char[] readSecret(String prompt) {
        if (console == null) {
          throw new NeedsInputException("a secret is needed and there is no terminal to ask at");
        }
        return console.readPassword("%s", prompt);
      }
    };
  }
}
