package dev.paw.spec.diagnostic;

import dev.paw.spec.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one or more files, so every problem is reported before anything
 * fails.
 */
public final class Diagnostics {

  private final List<Diagnostic> all = new ArrayList<>();

  public void error(Location location, String message) {
    all.add(new Diagnostic(Severity.ERROR, location, message));
  }

  public void warning(Location location, String message) {
    all.add(new Diagnostic(Severity.WARNING, location, message));
  }

  public void addAll(List<Diagnostic> diagnostics) {
    all.addAll(diagnostics);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  public int errorCount() {
    return (int) all.stream().filter(Diagnostic::isError).count();
  }

  /** Every diagnostic so far, in file order (stable for ties). */
  public List<Diagnostic> all() {
    List<Diagnostic> sorted = new ArrayList<>(all);
    sorted.sort(Diagnostic.IN_FILE_ORDER);
    return List.copyOf(sorted);
  }
}
