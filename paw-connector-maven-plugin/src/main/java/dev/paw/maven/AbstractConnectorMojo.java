package dev.paw.maven;

import dev.paw.build.SourceSet;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters both goals share: which connector files to read, whether to run, and how strict to
 * be.
 */
abstract class AbstractConnectorMojo extends AbstractMojo {

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * The directory holding the connector YAML files. When it does not exist the goal warns and does
   * nothing ({@code generate} also deletes what it generated before, so no stale connector is
   * compiled).
   *
   * <p>Default: <code>${project.basedir}/connectors</code>. User property: {@code
   * paw.connectorsDirectory}.
   */
  @Parameter(
      property = "paw.connectorsDirectory",
      defaultValue = "${project.basedir}/connectors",
      required = true)
  File connectorsDirectory;

  /**
   * Ant-style patterns, relative to {@link #connectorsDirectory}, of the connector files to read:
   * {@code *} matches within a directory, {@code **} across directories (also none).
   *
   * <p>Default: <code>**&#47;*.yaml</code> and <code>**&#47;*.yml</code> (every YAML file, at any
   * depth).
   */
  @Parameter List<String> includes;

  /**
   * Ant-style patterns, relative to {@link #connectorsDirectory}, of files to leave out even though
   * an include matches them.
   *
   * <p>Default: none.
   */
  @Parameter List<String> excludes;

  /**
   * Whether warnings fail the build like errors (every warning is still listed first). Useful in
   * CI.
   *
   * <p>Default: {@code false}. User property: {@code paw.failOnWarning}.
   */
  @Parameter(property = "paw.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /**
   * Skips the goal. {@code generate} still adds its output directories to the project if an earlier
   * build created them, so that code calling previously generated clients keeps compiling.
   *
   * <p>Default: {@code false}. User property: {@code paw.skip}.
   */
  @Parameter(property = "paw.skip", defaultValue = "false")
  boolean skip;

  /** The connector files this execution reads. */
  SourceSet sourceSet() {
    return new SourceSet(
        project.getBasedir().toPath(), connectorsDirectory.toPath(), includes, excludes);
  }

  /** The engine's log, written to this mojo's. */
  MavenBuildLog buildLog() {
    return new MavenBuildLog(getLog());
  }
}
