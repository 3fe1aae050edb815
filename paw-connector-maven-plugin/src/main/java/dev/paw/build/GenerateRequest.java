package dev.paw.build;

import dev.paw.codegen.ConnectorGenerator;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code paw:generate} builds.
 *
 * @param sources the connector files
 * @param sourcesOutput where the Java sources go
 * @param resourcesOutput where resources go (the {@code ServiceLoader} registration)
 * @param stateDirectory where the build state (digests and the manifest of generated files) is
 *     kept, one file per pair of output directories
 * @param packageName the base package; each connector gets a package below it
 * @param generatorVersion names the generator's code exactly, so that a new generator regenerates
 *     everything
 * @param failOnWarning whether warnings fail like errors
 */
public record GenerateRequest(
    SourceSet sources,
    Path sourcesOutput,
    Path resourcesOutput,
    Path stateDirectory,
    String packageName,
    String generatorVersion,
    boolean failOnWarning) {

  /** The base package when none is configured. */
  public static final String DEFAULT_PACKAGE = "paw.generated";

  /**
   * @throws IllegalArgumentException when {@code packageName} is not a Java package name
   */
  public GenerateRequest {
    Objects.requireNonNull(sources, "sources");
    sourcesOutput =
        Objects.requireNonNull(sourcesOutput, "sourcesOutput").toAbsolutePath().normalize();
    resourcesOutput =
        Objects.requireNonNull(resourcesOutput, "resourcesOutput").toAbsolutePath().normalize();
    stateDirectory =
        Objects.requireNonNull(stateDirectory, "stateDirectory").toAbsolutePath().normalize();
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(generatorVersion, "generatorVersion");
    new ConnectorGenerator(packageName);
  }

  /**
   * The state file of this request's output directories: executions that write to other directories
   * keep states of their own and so never delete each other's files.
   */
  Path stateFile() {
    String outputs =
        new Sha256().field(sourcesOutput.toString()).field(resourcesOutput.toString()).hex();
    return stateDirectory.resolve("generate-" + outputs.substring(0, 12) + ".state");
  }

  /**
   * A digest of everything besides the input files that changes what is generated or whether the
   * build passes.
   */
  String configDigest() {
    return new Sha256()
        .field("generator")
        .field(generatorVersion)
        .field("package")
        .field(packageName)
        .field("failOnWarning")
        .field(Boolean.toString(failOnWarning))
        .hex();
  }
}
