package dev.paw.postgresql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PocketPaw's {@code postgresql.yaml}, unchanged, from {@code ../shared/pocketpaw-connectors}
 * beside the checkout (CI provides it; without it the tests skip, saying so).
 */
final class PocketPawFile {

  private PocketPawFile() {}

  /** The folder holding the file. */
  static Path folder() {
    Path folder =
        Path.of(System.getProperty("paw.repositoryRoot", ".."))
            .toAbsolutePath()
            .resolve("../shared/pocketpaw-connectors")
            .normalize();
    assumeTrue(
        Files.isRegularFile(folder.resolve("postgresql.yaml")),
        "skipped: ../shared/pocketpaw-connectors/postgresql.yaml not found beside the checkout"
            + " (CI provides it): looked in "
            + folder);
    return folder;
  }
}
