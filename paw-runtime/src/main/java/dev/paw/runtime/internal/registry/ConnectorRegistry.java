package dev.paw.runtime.internal.registry;

import dev.paw.runtime.CompiledConnector;
import dev.paw.runtime.registry.RegisteredConnector;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds connectors: YAML files in connector folders (searched in order; no build needed) and
 * connectors compiled by {@code paw:generate} ({@link ServiceLoader}), the built-ins. When two
 * files have the same name the first folder wins and the other is noted. A file never silently
 * replaces a built-in: it would take the built-in's name, and with it the hosts and trust levels
 * the user connected, so such a file is skipped (and noted) unless shadowing is allowed, and then
 * every use of it is noted. A file that says exactly what the built-in says is its copy: the
 * built-in is used, without a note. Files with errors are reported, not loaded. Each folder is
 * compiled as a set through the same entry point as the Maven plugin and {@code paw validate}, so
 * two files of one folder with one name are an error there, as they are in a build.
 */
public final class ConnectorRegistry {

  private final Map<String, RegisteredConnector> connectors;
  private final List<Diagnostic> problems;
  private final List<String> notes;
  private final Map<String, String> shadowing;

  private ConnectorRegistry(
      Map<String, RegisteredConnector> connectors,
      List<Diagnostic> problems,
      List<String> notes,
      Map<String, String> shadowing) {
    this.connectors = connectors;
    this.problems = List.copyOf(problems);
    this.notes = List.copyOf(notes);
    this.shadowing = Map.copyOf(shadowing);
  }

  /**
   * Discovers connectors; a file never shadows a built-in. See {@link #discover(List, ClassLoader,
   * boolean)}.
   */
  public static ConnectorRegistry discover(List<Path> folders, ClassLoader classLoader) {
    return discover(folders, classLoader, false);
  }

  /**
   * Discovers connectors.
   *
   * @param folders connector folders in priority order (e.g. {@code ./connectors}, then {@code
   *     $PAW_HOME/connectors}); missing folders are skipped
   * @param classLoader where compiled connectors are looked up
   * @param allowShadowing whether a file may replace a built-in (compiled) connector of the same
   *     name
   */
  public static ConnectorRegistry discover(
      List<Path> folders, ClassLoader classLoader, boolean allowShadowing) {
    Map<String, RegisteredConnector> files = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path folder : folders) {
      Compilation compilation =
          ConnectorCompiler.compile(
              yamlFiles(folder).stream()
                  .map(file -> new ConnectorFile(file, file.toString()))
                  .toList());
      problems.addAll(compilation.errors());
      for (CompiledFile compiled : compilation.connectors()) {
        RegisteredConnector connector =
            new RegisteredConnector(compiled.spec(), Map.of(), compiled.file().path());
        RegisteredConnector first = files.putIfAbsent(connector.name(), connector);
        if (first != null) {
          notes.add(
              "connector '"
                  + connector.name()
                  + "' from "
                  + connector.origin()
                  + " is shadowed by the one"
                  + " from "
                  + first.origin());
        }
      }
    }
    Map<String, RegisteredConnector> found = new LinkedHashMap<>();
    Map<String, String> shadowing = new LinkedHashMap<>();
    for (CompiledConnector compiled : ServiceLoader.load(CompiledConnector.class, classLoader)) {
      RegisteredConnector builtIn =
          new RegisteredConnector(compiled.spec(), compiled.mappers(), null);
      RegisteredConnector file = files.get(builtIn.name());
      if (file == null || found.containsKey(builtIn.name())) {
        found.putIfAbsent(builtIn.name(), builtIn);
      } else if (SameDefinition.of(file.spec(), builtIn.spec())) {
        files.remove(
            file.name()); // a copy of the built-in (the files it is compiled from): nothing to say
        found.put(builtIn.name(), builtIn);
      } else if (allowShadowing) {
        String note =
            "connector '"
                + file.name()
                + "' comes from "
                + file.origin()
                + ", shadowing the built-in";
        shadowing.put(file.name(), note);
        notes.add(note);
      } else {
        files.remove(file.name());
        found.put(builtIn.name(), builtIn);
        notes.add(
            "connector file "
                + file.origin()
                + " is not used: it would shadow the built-in connector '"
                + file.name()
                + "' (allow that with --allow-shadowing, or rename the file's connector)");
      }
    }
    Map<String, RegisteredConnector> all = new LinkedHashMap<>(files);
    found.forEach(all::putIfAbsent);
    return new ConnectorRegistry(all, problems, notes, shadowing);
  }

  /** A registry of exactly these connectors (an application that builds its specs itself). */
  public static ConnectorRegistry of(List<RegisteredConnector> connectors) {
    Map<String, RegisteredConnector> found = new LinkedHashMap<>();
    for (RegisteredConnector connector : connectors) {
      if (found.putIfAbsent(connector.name(), connector) != null) {
        throw new IllegalArgumentException("two connectors named '" + connector.name() + "'");
      }
    }
    return new ConnectorRegistry(found, List.of(), List.of(), Map.of());
  }

  private static List<Path> yamlFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list connector folder " + folder, e);
    }
  }

  public Optional<RegisteredConnector> find(String name) {
    return Optional.ofNullable(connectors.get(name));
  }

  /** The connector of that name, or an exception that lists the known names. */
  public RegisteredConnector require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no connector named '"
                        + name
                        + "' (known: "
                        + String.join(", ", connectors.keySet().stream().sorted().toList())
                        + ")"));
  }

  /** Every connector, sorted by name. */
  public Collection<RegisteredConnector> all() {
    return connectors.values().stream()
        .sorted(Comparator.comparing(RegisteredConnector::name))
        .toList();
  }

  /** Errors of connector files that could not be loaded. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /** The note to show when {@code name} is used: the file it comes from shadows a built-in. */
  public Optional<String> shadowingNote(String name) {
    return Optional.ofNullable(shadowing.get(name));
  }

  /**
   * Connectors shadowed by another of the same name, and files not used because they would shadow a
   * built-in.
   */
  public List<String> notes() {
    return notes;
  }
}
