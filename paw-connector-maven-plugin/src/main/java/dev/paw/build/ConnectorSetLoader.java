package dev.paw.build;

import dev.paw.codegen.ConnectorGenerator;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.diagnostic.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads every connector file of a build and checks what no single file can: connector names are unique, and no two
 * connectors would generate into the same Java package. Every problem of every file is collected; nothing throws.
 */
final class ConnectorSetLoader {

  /** Names the generated types independently of the base package, which is the same for every connector. */
  private final ConnectorGenerator names = new ConnectorGenerator("");

  LoadedConnectors load(List<ConnectorSource> sources) {
    Diagnostics diagnostics = new Diagnostics();
    List<LoadedConnector> loaded = new ArrayList<>();
    Map<String, LoadedConnector> byName = new HashMap<>();
    Map<String, LoadedConnector> byType = new HashMap<>();
    for (ConnectorSource source : sources) {
      ConnectorLoader.Result result = ConnectorLoader.load(source.file(), source.displayPath());
      diagnostics.addAll(result.diagnostics());
      if (result.hasErrors()) {
        continue;
      }
      ConnectorSpec spec = result.spec();
      LoadedConnector connector = new LoadedConnector(source, spec);
      LoadedConnector sameName = byName.putIfAbsent(spec.name(), connector);
      if (sameName != null) {
        diagnostics.error(spec.location(), "connector name '" + spec.name() + "' is already declared by "
            + sameName.source().displayPath() + "; every connector needs a name of its own (the file name does not"
            + " count)");
        continue;
      }
      LoadedConnector sameType = byType.putIfAbsent(names.descriptorClass(spec), connector);
      if (sameType != null) {
        diagnostics.error(spec.location(), "connector name '" + spec.name() + "' gives the same Java package as '"
            + sameType.spec().name() + "' in " + sameType.source().displayPath() + "; rename one of them");
        continue;
      }
      loaded.add(connector);
    }
    return new LoadedConnectors(loaded, diagnostics.all());
  }
}
