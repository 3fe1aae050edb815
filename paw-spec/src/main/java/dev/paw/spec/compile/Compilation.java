package dev.paw.spec.compile;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.diagnostic.Diagnostic;
import java.util.List;

/**
 * What compiling a set of connector files gave.
 *
 * @param connectors the files without errors, in the order given
 * @param diagnostics every diagnostic of every file, in file order
 */
public record Compilation(List<CompiledFile> connectors, List<Diagnostic> diagnostics) {

  public Compilation {
    connectors = List.copyOf(connectors);
    diagnostics = List.copyOf(diagnostics);
  }

  public List<ConnectorSpec> specs() {
    return connectors.stream().map(CompiledFile::spec).toList();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
