package dev.paw.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A project directory for engine tests: connector files in, generated files out, with the plugin's
 * default layout.
 */
final class TestProject {

  /** A modification time long before any test runs: a file that still has it was not written. */
  static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

  final Path basedir;
  final Path connectors;
  final Path sources;
  final Path resources;
  final Path state;

  TestProject(Path basedir) {
    this.basedir = basedir;
    this.connectors = basedir.resolve("connectors");
    this.sources = basedir.resolve("target/generated-sources/paw");
    this.resources = basedir.resolve("target/generated-resources/paw");
    this.state = basedir.resolve("target/paw");
  }

  /** A connector with one action and one synced table, and no warnings. */
  static String connector(String name) {
    return """
        name: %s
        auth:
          method: none
        actions:
          - name: list_items
            description: List the items
            url: https://api.example.com/%s/items
            params:
              limit: { type: integer, default: 10 }
            trust_level: auto
        sync:
          table: %s_items
          source: list_items
          primary_key: [id]
          mapping:
            id: id
            title: title
        """
        .formatted(name, name, name);
  }

  /** {@link #connector} with a second action. */
  static String connectorWithExtraAction(String name) {
    return connector(name)
        .replace(
            "sync:",
            """
          - name: get_item
            url: https://api.example.com/items/{id}
            params:
              id: { type: string, required: true }
            trust_level: auto
        sync:""");
  }

  Path write(String relative, String text) {
    try {
      Path file = basedir.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SourceSet sourceSet() {
    return new SourceSet(basedir, connectors, List.of(), List.of());
  }

  GenerateRequest generate(String packageName) {
    return generate(packageName, "1.0", false);
  }

  GenerateRequest generate(String packageName, String generatorVersion, boolean failOnWarning) {
    return new GenerateRequest(
        sourceSet(), sources, resources, state, packageName, generatorVersion, failOnWarning);
  }

  /**
   * Every file below the output roots and the state directory, relative to the project, with its
   * time.
   */
  Map<String, FileTime> outputTimes() {
    Map<String, FileTime> times = new TreeMap<>();
    for (Path root : List.of(sources, resources, state)) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          times.put(
              basedir.relativize(file).toString().replace('\\', '/'),
              Files.getLastModifiedTime(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return times;
  }

  /** Sets every output's modification time to {@link #OLD}, so that any later write shows. */
  void ageOutputs() {
    for (String file : outputTimes().keySet()) {
      try {
        Files.setLastModifiedTime(basedir.resolve(file), OLD);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
