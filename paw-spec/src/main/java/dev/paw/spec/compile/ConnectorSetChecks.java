package dev.paw.spec.compile;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.JavaPackageName;
import dev.paw.spec.diagnostic.Diagnostics;
import java.util.HashMap;
import java.util.Map;

/**
 * What no single file can show: every connector has a name of its own, and no two would generate
 * into the same Java package. The first file (in the order given) keeps a name; each later one is
 * reported and left out.
 */
final class ConnectorSetChecks {

  private final Diagnostics diagnostics;
  private final Map<String, CompiledFile> byName = new HashMap<>();
  private final Map<String, CompiledFile> byPackage = new HashMap<>();

  ConnectorSetChecks(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Whether {@code connector} may join the set; if not, says why. */
  boolean admit(CompiledFile connector) {
    ConnectorSpec spec = connector.spec();
    CompiledFile sameName = byName.putIfAbsent(spec.name(), connector);
    if (sameName != null) {
      diagnostics.error(
          spec.location(),
          "connector name '"
              + spec.name()
              + "' is already declared by "
              + sameName.file().displayPath()
              + "; every connector needs a name of its own (the file name does not"
              + " count)");
      return false;
    }
    CompiledFile samePackage = byPackage.putIfAbsent(JavaPackageName.of(spec.name()), connector);
    if (samePackage != null) {
      diagnostics.error(
          spec.location(),
          "connector name '"
              + spec.name()
              + "' gives the same Java package as '"
              + samePackage.spec().name()
              + "' in "
              + samePackage.file().displayPath()
              + "; rename one of them");
      return false;
    }
    return true;
  }
}
