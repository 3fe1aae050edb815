package dev.paw.spec.compile;

import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.diagnostic.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles a set of connector files: each is loaded on its own ({@link ConnectorLoader}: read, then
 * link), then the set is checked as a whole ({@link ConnectorSetChecks}). Every problem of every
 * file is collected; nothing throws.
 */
public final class ConnectorCompiler {

  private ConnectorCompiler() {}

  /**
   * Compiles {@code files} together, in the order given (the first of two files with one name keeps
   * it).
   */
  public static Compilation compile(List<ConnectorFile> files) {
    Diagnostics diagnostics = new Diagnostics();
    ConnectorSetChecks set = new ConnectorSetChecks(diagnostics);
    List<CompiledFile> compiled = new ArrayList<>();
    for (ConnectorFile file : files) {
      ConnectorLoader.Result result = ConnectorLoader.load(file.path(), file.displayPath());
      diagnostics.addAll(result.diagnostics());
      if (!result.hasErrors()) {
        CompiledFile connector = new CompiledFile(file, result.spec());
        if (set.admit(connector)) {
          compiled.add(connector);
        }
      }
    }
    return new Compilation(compiled, diagnostics.all());
  }

  /**
   * The connector files of a folder, as the Maven plugin finds them by default: every {@code .yaml}
   * and {@code .yml} file at any depth, in the order of their display paths, each named as the
   * folder was given plus its path below it.
   */
  public static List<ConnectorFile> scan(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f ->
                  f.getFileName().toString().endsWith(".yaml")
                      || f.getFileName().toString().endsWith(".yml"))
          .map(ConnectorFile::of)
          .sorted(Comparator.comparing(ConnectorFile::displayPath))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
