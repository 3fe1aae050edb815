package dev.paw.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which connector files to read.
 *
 * @param basedir the project directory: diagnostics name files relative to it
 * @param directory where the connector files are
 * @param includes Ant-style patterns relative to {@code directory}; empty means {@link
 *     #DEFAULT_INCLUDES}
 * @param excludes Ant-style patterns relative to {@code directory} that win over includes
 */
public record SourceSet(
    Path basedir, Path directory, List<String> includes, List<String> excludes) {

  /** The includes when none are given: every YAML file, at any depth. */
  public static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml");

  public SourceSet {
    basedir = Objects.requireNonNull(basedir, "basedir").toAbsolutePath().normalize();
    directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    includes = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
  }

  /**
   * How diagnostics and generated headers name {@code file}: relative to the project, with {@code
   * /}.
   */
  public String displayPath(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        absolute.getRoot() != null && absolute.getRoot().equals(basedir.getRoot())
            ? basedir.relativize(absolute)
            : absolute;
    return shown.toString().replace(shown.getFileSystem().getSeparator(), "/");
  }
}
