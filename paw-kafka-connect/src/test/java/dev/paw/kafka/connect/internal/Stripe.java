package dev.paw.kafka.connect.internal;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.compile.Compilation;
import dev.paw.spec.compile.ConnectorCompiler;
import dev.paw.spec.compile.ConnectorFile;
import java.nio.file.Path;
import java.util.List;

/** The repository's Stripe connector file, compiled as the connector compiles it. */
final class Stripe {

  static final Path FILE =
      Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors/stripe.yaml");

  private Stripe() {}

  static ConnectorSpec spec() {
    Compilation compilation = ConnectorCompiler.compile(List.of(ConnectorFile.of(FILE)));
    if (compilation.hasErrors()) {
      throw new AssertionError(compilation.errors().toString());
    }
    return compilation.specs().get(0);
  }
}
