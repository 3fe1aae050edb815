package dev.paw.build;

import dev.paw.spec.diagnostic.Diagnostic;
import java.util.List;

/**
 * The connector files are bad: errors, or warnings when warnings fail the build. The message starts
 * with a summary line and then lists every failing diagnostic on its own line, in the {@code
 * path:line:col: message} form.
 */
public final class ConnectorBuildException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  ConnectorBuildException(String summary, List<Diagnostic> diagnostics) {
    super(summary + diagnostics.stream().map(d -> "\n" + d).reduce("", String::concat));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The diagnostics that failed the build. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
