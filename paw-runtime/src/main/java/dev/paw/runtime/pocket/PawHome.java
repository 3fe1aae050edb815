package dev.paw.runtime.pocket;

import dev.paw.runtime.internal.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The paw home directory: {@code $PAW_HOME}, else {@code ~/.paw}. It holds {@code pockets/}, {@code
 * connectors/}, {@code credentials/} and the master key file. Everything the runtime creates under
 * it is owner-only.
 */
public final class PawHome {

  /** The environment variable that moves the home directory. */
  public static final String ENV = "PAW_HOME";

  private final Path root;

  private PawHome(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The home directory at an explicit place (tests, embedding applications). */
  public static PawHome at(Path root) {
    return new PawHome(root);
  }

  /** The home directory from this process's environment. */
  public static PawHome fromEnvironment() {
    return fromEnvironment(System.getenv(), System.getProperty("user.home"));
  }

  /**
   * The home directory from {@code env}: {@code PAW_HOME} when set and not blank, else {@code
   * <userHome>/.paw}.
   */
  public static PawHome fromEnvironment(Map<String, String> env, String userHome) {
    String configured = env.get(ENV);
    if (configured != null && !configured.isBlank()) {
      return new PawHome(Path.of(configured));
    }
    if (userHome == null || userHome.isBlank()) {
      throw new IllegalStateException("cannot find a home directory for paw: set " + ENV);
    }
    return new PawHome(Path.of(userHome, ".paw"));
  }

  public Path root() {
    return root;
  }

  /** Where pockets live: one directory per pocket slug. */
  public Path pocketsDirectory() {
    return root.resolve("pockets");
  }

  /** Where connector YAML files dropped in at run time live. */
  public Path connectorsDirectory() {
    return root.resolve("connectors");
  }

  /** Where the encrypted credential files live. */
  public Path credentialsDirectory() {
    return root.resolve("credentials");
  }

  /** Creates the home directory (owner-only) if it does not exist, and returns its path. */
  public Path ensureExists() throws IOException {
    return OwnerOnlyFiles.createDirectories(root);
  }

  @Override
  public String toString() {
    return "PawHome{" + root + "}";
  }
}
