package dev.paw.runtime.registry;

import dev.paw.runtime.CompiledConnector;
import dev.paw.spec.compile.Compilation;
import dev.paw.spec.compile.CompiledFile;
import dev.paw.spec.compile.ConnectorCompiler;
import dev.paw.spec.compile.ConnectorFile;
import dev.paw.spec.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds connectors: YAML files in connector folders (searched in order; no build needed) and connectors compiled
 * by {@code paw:generate} ({@link ServiceLoader}). When two have the same name the first found wins — a folder
 * before compiled code, so a user's file can override a built-in — and the shadowing is reported. Files with errors
 * are reported, not loaded. Each folder is compiled as a set through the same entry point as the Maven plugin and
 * {@code paw validate}, so two files of one folder with one name are an error there, as they are in a build.
 */
public final class ConnectorRegistry {

  private final Map<String, RegisteredConnector> connectors;
  private final List<Diagnostic> problems;
  private final List<String> notes;

  private ConnectorRegistry(Map<String, RegisteredConnector> connectors, List<Diagnostic> problems,
      List<String> notes) {
    this.connectors = connectors;
    this.problems = List.copyOf(problems);
    this.notes = List.copyOf(notes);
  }

  /**
   * Discovers connectors.
   *
   * @param folders connector folders in priority order (e.g. {@code ./connectors}, then
   *     {@code $PAW_HOME/connectors}); missing folders are skipped
   * @param classLoader where compiled connectors are looked up
   */
  public static ConnectorRegistry discover(List<Path> folders, ClassLoader classLoader) {
    Map<String, RegisteredConnector> found = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path folder : folders) {
      Compilation compilation = ConnectorCompiler.compile(yamlFiles(folder).stream()
          .map(file -> new ConnectorFile(file, file.toString())).toList());
      problems.addAll(compilation.errors());
      for (CompiledFile compiled : compilation.connectors()) {
        add(found, new RegisteredConnector(compiled.spec(), Map.of(), compiled.file().path()), notes);
      }
    }
    for (CompiledConnector compiled : ServiceLoader.load(CompiledConnector.class, classLoader)) {
      add(found, new RegisteredConnector(compiled.spec(), compiled.mappers(), null), notes);
    }
    return new ConnectorRegistry(found, problems, notes);
  }

  private static void add(Map<String, RegisteredConnector> found, RegisteredConnector connector, List<String> notes) {
    RegisteredConnector first = found.putIfAbsent(connector.name(), connector);
    if (first != null) {
      notes.add("connector '" + connector.name() + "' from " + connector.origin() + " is shadowed by the one from "
          + first.origin());
    }
  }

  private static List<Path> yamlFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list connector folder " + folder, e);
    }
  }

  public Optional<RegisteredConnector> find(String name) {
    return Optional.ofNullable(connectors.get(name));
  }

  /** The connector of that name, or an exception that lists the known names. */
  public RegisteredConnector require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no connector named '" + name + "' (known: "
        + String.join(", ", connectors.keySet().stream().sorted().toList()) + ")"));
  }

  /** Every connector, sorted by name. */
  public Collection<RegisteredConnector> all() {
    return connectors.values().stream().sorted(java.util.Comparator.comparing(RegisteredConnector::name)).toList();
  }

  /** Errors of connector files that could not be loaded. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /** Connectors shadowed by another of the same name. */
  public List<String> notes() {
    return notes;
  }
}
