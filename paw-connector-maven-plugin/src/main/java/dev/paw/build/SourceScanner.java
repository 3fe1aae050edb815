package dev.paw.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the connector files of a {@link SourceSet}: regular files matching an include and no
 * exclude, in path order.
 */
final class SourceScanner {

  private final BuildLog log;

  SourceScanner(BuildLog log) {
    this.log = log;
  }

  /** The matching files, sorted by display path; empty (with a warning) when there are none. */
  List<ConnectorSource> scan(SourceSet set) {
    if (!Files.isDirectory(set.directory())) {
      log.warn(
          "No connector files: the connectors directory "
              + set.displayPath(set.directory())
              + " does not exist (set paw.connectorsDirectory to the directory holding your connector YAML files)");
      return List.of();
    }
    List<PathPattern> includes = set.includes().stream().map(PathPattern::compile).toList();
    List<PathPattern> excludes = set.excludes().stream().map(PathPattern::compile).toList();
    List<ConnectorSource> found;
    try (Stream<Path> files = Files.walk(set.directory())) {
      found =
          files
              .filter(Files::isRegularFile)
              .filter(
                  file -> {
                    String relative = relative(set.directory(), file);
                    return includes.stream().anyMatch(p -> p.matches(relative))
                        && excludes.stream().noneMatch(p -> p.matches(relative));
                  })
              .map(file -> new ConnectorSource(file, set.displayPath(file)))
              .sorted(Comparator.comparing(ConnectorSource::displayPath))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + set.directory() + ": " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      log.warn(
          "No connector files: nothing in "
              + set.displayPath(set.directory())
              + " matches the includes "
              + set.includes()
              + (set.excludes().isEmpty()
                  ? ""
                  : " without matching the excludes " + set.excludes()));
    } else {
      log.debug("Connector files: " + found.stream().map(ConnectorSource::displayPath).toList());
    }
    return found;
  }

  private static String relative(Path directory, Path file) {
    Path relative = directory.relativize(file);
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
