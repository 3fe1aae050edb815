package dev.paw.spec.diagnostic;

import dev.paw.spec.Location;
import java.util.Comparator;

/** One finding about a connector file, at the place it was found. */
public record Diagnostic(Severity severity, Location location, String message) {

  /** File, then line, then column: the order a reader of the file meets them. */
  public static final Comparator<Diagnostic> IN_FILE_ORDER = Comparator
      .comparing((Diagnostic d) -> d.location().path())
      .thenComparingInt(d -> d.location().line())
      .thenComparingInt(d -> d.location().column());

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The compiler form: {@code path:line:col: message} for errors and {@code path:line:col: warning: message} for
   * warnings.
   */
  @Override
  public String toString() {
    return location + (isError() ? ": " : ": warning: ") + message;
  }
}
