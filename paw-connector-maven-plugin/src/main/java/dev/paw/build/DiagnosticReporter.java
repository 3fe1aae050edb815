package dev.paw.build;

import dev.paw.spec.diagnostic.Diagnostic;
import java.util.List;

/**
 * Logs every diagnostic on a line of its own (errors as errors, warnings as warnings) and decides
 * whether they fail.
 */
final class DiagnosticReporter {

  private final BuildLog log;

  DiagnosticReporter(BuildLog log) {
    this.log = log;
  }

  /**
   * Reports {@code diagnostics}.
   *
   * @throws ConnectorBuildException listing every error, or every warning when there are no errors
   *     but {@code failOnWarning} is set
   */
  void report(List<Diagnostic> diagnostics, boolean failOnWarning) throws ConnectorBuildException {
    for (Diagnostic diagnostic : diagnostics) {
      if (diagnostic.isError()) {
        log.error(diagnostic.toString());
      } else {
        log.warn(diagnostic.toString());
      }
    }
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw new ConnectorBuildException(
          count(errors.size(), "error") + " in connector files:", errors);
    }
    List<Diagnostic> warnings = diagnostics.stream().filter(d -> !d.isError()).toList();
    if (failOnWarning && !warnings.isEmpty()) {
      throw new ConnectorBuildException(
          count(warnings.size(), "warning") + " in connector files, and paw.failOnWarning is set:",
          warnings);
    }
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
