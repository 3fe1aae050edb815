package dev.paw.runtime.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * PocketPaw's connector files, {@code ../shared/pocketpaw-connectors} beside the checkout. Tests
 * that need them skip without them, saying so: a fresh clone's {@code mvn -B verify} passes, and CI
 * ({@code .ci/run}) stops before the build when they are missing, so there they always run. Use
 * {@code @EnabledIf(value = SharedConnectors.PRESENT, disabledReason = SharedConnectors.MISSING)}
 * where a test's arguments come from the files, else {@link #directory()}.
 */
public final class SharedConnectors {

  /** The condition for {@code @EnabledIf}. */
  public static final String PRESENT = "dev.paw.runtime.testing.SharedConnectors#present";

  /** Why a test was skipped. */
  public static final String MISSING =
      "skipped: ../shared/pocketpaw-connectors not found beside the checkout (CI provides it)";

  private SharedConnectors() {}

  /** The folder; skips the calling test when it is missing. */
  public static Path directory() {
    Path directory = location();
    assumeTrue(Files.isDirectory(directory), () -> MISSING + ": looked in " + directory);
    return directory;
  }

  /**
   * Whether the folder is there; when not, prints which test skips, as Maven does not show skip
   * reasons.
   */
  public static boolean present(ExtensionContext context) {
    boolean present = Files.isDirectory(location());
    if (!present) {
      String test =
          context.getRequiredTestClass().getSimpleName()
              + context.getTestMethod().map(m -> "." + m.getName()).orElse("");
      System.out.println(test + " " + MISSING + ": looked in " + location());
    }
    return present;
  }

  private static Path location() {
    return Path.of(System.getProperty("paw.repositoryRoot", ".."))
        .toAbsolutePath()
        .resolve("../shared/pocketpaw-connectors")
        .normalize();
  }
}
