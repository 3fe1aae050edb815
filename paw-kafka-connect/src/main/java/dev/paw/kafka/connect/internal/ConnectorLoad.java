package dev.paw.kafka.connect.internal;

import dev.paw.runtime.internal.adapter.DetachedStreams;
import dev.paw.runtime.internal.registry.ConnectorRegistry;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.compile.Compilation;
import dev.paw.spec.compile.ConnectorCompiler;
import dev.paw.spec.compile.ConnectorFile;
import dev.paw.spec.diagnostic.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The paw connector a configuration names, compiled through paw-spec's one entry point (so a bad
 * file gives the {@code file:line:col} diagnostics of {@code paw validate}), with the problems that
 * keep it from running here: a stream it does not sync or that would call an action that is not
 * {@code auto}, and a required credential that is not set.
 *
 * @param connector the connector, or {@code null} when it could not be loaded
 * @param problems what is wrong, by configuration key
 */
public record ConnectorLoad(RegisteredConnector connector, Map<String, List<String>> problems) {

  public static ConnectorLoad of(PawConfig config, ClassLoader loader) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    RegisteredConnector connector = find(config, loader, problems);
    if (connector != null) {
      check(connector, config, problems);
    }
    return new ConnectorLoad(connector, problems);
  }

  /**
   * The connector the configuration names, ready to run.
   *
   * @throws ConnectException with every problem when it is not
   */
  public static RegisteredConnector require(PawConfig config, ClassLoader loader) {
    ConnectorLoad load = of(config, loader);
    if (load.connector == null || !load.problems.isEmpty()) {
      throw new ConnectException(load.summary());
    }
    return load.connector;
  }

  /** Every problem, one line each, for an exception that stops the connector. */
  public String summary() {
    List<String> lines = new ArrayList<>();
    problems.forEach((key, list) -> list.forEach(p -> lines.add(key + ": " + p)));
    return String.join("\n", lines);
  }

  private static RegisteredConnector find(
      PawConfig config, ClassLoader loader, Map<String, List<String>> problems) {
    String name = config.connector();
    Optional<String> path = config.connectorPath();
    if (path.isPresent()) {
      Path where = Path.of(path.get());
      if (!Files.exists(where)) {
        add(problems, PawConfig.CONNECTOR_PATH, "no such file or folder on the worker: " + where);
        return null;
      }
      List<ConnectorFile> files =
          Files.isDirectory(where)
              ? ConnectorCompiler.scan(where)
              : List.of(ConnectorFile.of(where));
      Compilation compilation = ConnectorCompiler.compile(files);
      for (Diagnostic error : compilation.errors()) {
        add(problems, PawConfig.CONNECTOR_PATH, error.toString());
      }
      Optional<RegisteredConnector> found =
          compilation.connectors().stream()
              .filter(c -> c.spec().name().equals(name))
              .map(c -> new RegisteredConnector(c.spec(), Map.of(), c.file().path()))
              .findFirst();
      if (found.isEmpty() && !compilation.hasErrors()) {
        add(
            problems,
            PawConfig.CONNECTOR,
            "no connector '"
                + name
                + "' in "
                + where
                + " (it has "
                + String.join(
                    ", ", compilation.connectors().stream().map(c -> c.spec().name()).toList())
                + ")");
      }
      return found.orElse(null);
    }
    ConnectorRegistry registry = ConnectorRegistry.discover(List.of(), loader);
    Optional<RegisteredConnector> found = registry.find(name);
    if (found.isEmpty()) {
      add(
          problems,
          PawConfig.CONNECTOR,
          "no compiled connector '"
              + name
              + "' on the plugin's class path; name a connector file with "
              + PawConfig.CONNECTOR_PATH);
    }
    return found.orElse(null);
  }

  private static void check(
      RegisteredConnector connector, PawConfig config, Map<String, List<String>> problems) {
    for (String table : tables(connector, config)) {
      DetachedStreams.refusal(connector.spec(), table)
          .ifPresent(reason -> add(problems, PawConfig.STREAMS, reason));
    }
    if (tables(connector, config).isEmpty()) {
      add(problems, PawConfig.STREAMS, "connector '" + connector.name() + "' syncs no table");
    }
    Map<String, Password> given = config.credentials();
    for (CredentialSpec credential : connector.spec().auth().credentials()) {
      if (credential.required() && !given.containsKey(credential.name())) {
        add(
            problems,
            PawConfig.CONNECTOR,
            "connector '"
                + connector.name()
                + "' needs the credential "
                + credential.name()
                + ": set "
                + PawConfig.CREDENTIAL_PREFIX
                + credential.name()
                + " (a config provider reference keeps it out of the connector's configuration)");
      }
    }
  }

  /** The tables the configuration asks for, or every stream the connector syncs. */
  public static List<String> tables(RegisteredConnector connector, PawConfig config) {
    if (!config.streams().isEmpty()) {
      return config.streams();
    }
    return connector.spec().streams().stream()
        .filter(StreamSpec::isRunnable)
        .map(StreamSpec::table)
        .filter(table -> DetachedStreams.refusal(connector.spec(), table).isEmpty())
        .toList();
  }

  private static void add(Map<String, List<String>> problems, String key, String problem) {
    problems.computeIfAbsent(key, k -> new ArrayList<>()).add(problem);
  }
}
