package dev.paw.maven;

import dev.paw.build.ConnectorBuildException;
import dev.paw.build.GenerateRequest;
import dev.paw.build.PawBuild;
import dev.paw.build.SchemaFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles connector YAML files into type-safe Java: per connector a typed client, parameter
 * classes, row records and mappers, plus the {@code ServiceLoader} registration the runtime
 * discovers them by. Bad files fail the build with every diagnostic as {@code path:line:col:
 * message}. Incremental: when no connector file, setting or plugin changed, nothing is loaded or
 * written; changed files are generated again, files are written only when their content differs,
 * and the sources of deleted connector files are deleted. The output directories are always added
 * to the project, also when nothing was generated.
 *
 * <p>An up-to-date build does not read the connector files again, so it does not repeat their
 * warnings ({@code paw:validate} always checks every file). Several executions in one project need
 * output directories of their own: each pair of output directories has its own state, and its own
 * service registration.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractConnectorMojo {

  /**
   * Where the Java sources go; added to the project's compile source roots.
   *
   * <p>Default: <code>${project.build.directory}/generated-sources/paw</code>. User property:
   * {@code paw.outputDirectory}.
   */
  @Parameter(
      property = "paw.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/paw",
      required = true)
  File outputDirectory;

  /**
   * Where generated resources go (the {@code META-INF/services/dev.paw.runtime.CompiledConnector}
   * registration); added to the project's resources.
   *
   * <p>Default: <code>${project.build.directory}/generated-resources/paw</code>. User property:
   * {@code paw.resourceOutputDirectory}.
   */
  @Parameter(
      property = "paw.resourceOutputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/paw",
      required = true)
  File resourceOutputDirectory;

  /**
   * The base package of the generated code; each connector gets a package of its own below it
   * ({@code com.acme.paw} puts the {@code stripe} connector in {@code com.acme.paw.stripe}).
   *
   * <p>Default: {@code paw.generated}. User property: {@code paw.packageName}.
   */
  @Parameter(
      property = "paw.packageName",
      defaultValue = GenerateRequest.DEFAULT_PACKAGE,
      required = true)
  String packageName;

  /**
   * Where the incremental build state (input digests and the manifest of generated files) is kept,
   * and the connector file JSON Schema ({@code connector.schema.json}) is written for editors.
   */
  @Parameter(defaultValue = "${project.build.directory}/paw", readonly = true, required = true)
  File stateDirectory;

  /** This plugin, for its version and jars. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping paw:generate (paw.skip)");
      if (outputDirectory.isDirectory() || resourceOutputDirectory.isDirectory()) {
        addToProject();
      }
      return;
    }
    GenerateRequest request;
    try {
      request =
          new GenerateRequest(
              sourceSet(),
              outputDirectory.toPath(),
              resourceOutputDirectory.toPath(),
              stateDirectory.toPath(),
              packageName,
              GeneratorVersion.of(plugin.getVersion(), pluginJars()),
              failOnWarning);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("Bad paw.packageName: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the plugin's jars: " + e.getMessage(), e);
    }
    getLog().debug("Generator: " + request.generatorVersion());
    try {
      new PawBuild(buildLog()).generate(request);
      SchemaFile.write(stateDirectory.toPath());
    } catch (ConnectorBuildException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot write the generated connector sources: " + e.getMessage(), e);
    }
    addToProject();
  }

  /**
   * Registers both output directories, once, whether or not anything was generated in this build.
   */
  private void addToProject() {
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    String resources = resourceOutputDirectory.getAbsolutePath();
    if (project.getResources().stream().noneMatch(r -> resources.equals(r.getDirectory()))) {
      Resource resource = new Resource();
      resource.setDirectory(resources);
      project.addResource(resource);
    }
  }

  /** The plugin's jar and the jars of its own modules, whose code decides what is generated. */
  private List<Path> pluginJars() {
    List<Path> jars = new ArrayList<>();
    if (plugin.getPluginArtifact() != null && plugin.getPluginArtifact().getFile() != null) {
      jars.add(plugin.getPluginArtifact().getFile().toPath());
    }
    if (plugin.getArtifacts() != null) {
      for (Artifact artifact : plugin.getArtifacts()) {
        if (artifact.getGroupId().equals(plugin.getGroupId()) && artifact.getFile() != null) {
          jars.add(artifact.getFile().toPath());
        }
      }
    }
    return jars;
  }
}
