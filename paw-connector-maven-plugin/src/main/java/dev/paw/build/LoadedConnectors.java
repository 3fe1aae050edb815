package dev.paw.build;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.diagnostic.Diagnostic;
import java.util.List;

/**
 * Every connector file of a build, loaded and cross-checked.
 *
 * @param connectors the files that loaded without errors, in path order
 * @param diagnostics every diagnostic of every file, in file order
 */
record LoadedConnectors(List<LoadedConnector> connectors, List<Diagnostic> diagnostics) {

  LoadedConnectors {
    connectors = List.copyOf(connectors);
    diagnostics = List.copyOf(diagnostics);
  }

  List<ConnectorSpec> specs() {
    return connectors.stream().map(LoadedConnector::spec).toList();
  }
}
