package dev.paw.spec;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the tests' files are: the repository root, the shared PocketPaw connectors, and test
 * resources.
 */
public final class TestFiles {

  private TestFiles() {}

  /** The repository root: the parent of this module's directory, in which Maven runs the tests. */
  public static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath().getParent();
    if (root == null
        || !Files.isRegularFile(root.resolve("pom.xml"))
        || !Files.isDirectory(root.resolve("paw-spec"))) {
      fail(
          "cannot find the repository root from "
              + Path.of("").toAbsolutePath()
              + "; run the tests from the paw-spec module directory (as Maven does)");
    }
    return root;
  }

  /** The PocketPaw connector files beside the checkout; skips the calling test without them. */
  public static Path sharedConnectors() {
    return SharedConnectors.directory();
  }

  /** The {@code *.yaml} files of the shared PocketPaw connectors, sorted by name. */
  public static List<Path> sharedConnectorFiles() {
    List<Path> files = yamlFiles(sharedConnectors());
    if (files.isEmpty()) {
      fail("no *.yaml files in " + sharedConnectors());
    }
    return files;
  }

  /** A directory of test resources, e.g. {@code invalid}. */
  public static Path resourceDirectory(String name) {
    URL url = TestFiles.class.getClassLoader().getResource(name);
    if (url == null) {
      fail("no test resource directory '" + name + "'");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code *.yaml} files directly in {@code directory}, sorted by name. */
  public static List<Path> yamlFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
