package dev.paw.spec.compile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A connector file to compile.
 *
 * @param path where to read it
 * @param displayPath how diagnostics name it, with {@code /} (relative to the project, as the user
 *     would write it)
 */
public record ConnectorFile(Path path, String displayPath) {

  public ConnectorFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(displayPath, "displayPath");
  }

  /** A file named in diagnostics as given ({@code connectors/stripe.yaml}). */
  public static ConnectorFile of(Path path) {
    return new ConnectorFile(path, path.toString().replace('\\', '/'));
  }
}
