package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The connector files tests generate from: ours in connectors/, and PocketPaw's in ../shared. */
final class Connectors {

  private Connectors() {}

  static Path repositoryRoot() {
    return Path.of(System.getProperty("paw.repositoryRoot", "..")).toAbsolutePath().normalize();
  }

  static Path ours() {
    return repositoryRoot().resolve("connectors");
  }

  /** PocketPaw's files; skips the calling test without them. */
  static Path shared() {
    return SharedConnectors.directory();
  }

  static List<Path> yamlFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a file that must have no errors, named as the plugin would name it. */
  static ConnectorSpec load(Path file, String directoryName) {
    ConnectorLoader.Result result =
        ConnectorLoader.load(file, directoryName + "/" + file.getFileName());
    assertThat(result.errors()).as("errors in " + file).isEmpty();
    return result.spec();
  }
}
