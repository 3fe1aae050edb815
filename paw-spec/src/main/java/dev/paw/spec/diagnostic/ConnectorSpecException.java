package dev.paw.spec.diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a connector file has errors; its message lists every diagnostic on its own line. */
public final class ConnectorSpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public ConnectorSpecException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
