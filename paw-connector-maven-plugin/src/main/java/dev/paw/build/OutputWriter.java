package dev.paw.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes generated files below the output roots, only when their content differs (so unchanged
 * files keep their modification time and nothing downstream recompiles), and deletes files that are
 * no longer generated, together with directories that become empty. Paths that would leave their
 * root are refused.
 */
final class OutputWriter {

  private final Path sourcesRoot;
  private final Path resourcesRoot;
  private int written;
  private int unchanged;
  private int deleted;

  OutputWriter(Path sourcesRoot, Path resourcesRoot) {
    this.sourcesRoot = sourcesRoot;
    this.resourcesRoot = resourcesRoot;
  }

  /** Writes {@code content} to {@code output} unless the file already holds exactly it. */
  void write(OutputFile output, String content) throws IOException {
    Path file = resolve(output);
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      unchanged++;
      return;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    written++;
  }

  /**
   * Deletes {@code output} if it exists, and then every directory below its root that it leaves
   * empty.
   */
  void delete(OutputFile output) throws IOException {
    Path file = resolve(output);
    if (!Files.deleteIfExists(file)) {
      return;
    }
    deleted++;
    Path root = root(output.root());
    for (Path dir = file.getParent();
        dir != null && !dir.equals(root) && dir.startsWith(root);
        dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }

  /** Whether {@code output} exists as a file. */
  boolean exists(OutputFile output) {
    return Files.isRegularFile(resolve(output));
  }

  int written() {
    return written;
  }

  int unchanged() {
    return unchanged;
  }

  int deleted() {
    return deleted;
  }

  Path resolve(OutputFile output) {
    Path root = root(output.root());
    Path file = root.resolve(output.path()).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException("'" + output.path() + "' is not a file below " + root);
    }
    return file;
  }

  private Path root(OutputFile.Root root) {
    return root == OutputFile.Root.SOURCES ? sourcesRoot : resourcesRoot;
  }
}
