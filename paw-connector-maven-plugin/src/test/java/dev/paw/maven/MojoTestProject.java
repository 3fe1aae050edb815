package dev.paw.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * Mojos configured as Maven would configure them with their defaults, for a project in a directory.
 */
final class MojoTestProject {

  private MojoTestProject() {}

  static MavenProject project(Path basedir) {
    Model model = new Model();
    model.setBuild(new Build());
    model.getBuild().setDirectory(basedir.resolve("target").toString());
    MavenProject project = new MavenProject(model);
    project.setFile(basedir.resolve("pom.xml").toFile());
    return project;
  }

  static GenerateMojo generate(MavenProject project, RecordingMavenLog log) {
    GenerateMojo mojo = new GenerateMojo();
    configure(mojo, project, log);
    File target = new File(project.getBuild().getDirectory());
    mojo.outputDirectory = new File(target, "generated-sources/paw");
    mojo.resourceOutputDirectory = new File(target, "generated-resources/paw");
    mojo.stateDirectory = new File(target, "paw");
    mojo.packageName = "paw.generated";
    mojo.plugin = new PluginDescriptor();
    mojo.plugin.setGroupId("dev.paw");
    mojo.plugin.setArtifactId("paw-connector-maven-plugin");
    mojo.plugin.setVersion("1.0");
    return mojo;
  }

  static ValidateMojo validate(MavenProject project, RecordingMavenLog log) {
    ValidateMojo mojo = new ValidateMojo();
    configure(mojo, project, log);
    return mojo;
  }

  private static void configure(
      AbstractConnectorMojo mojo, MavenProject project, RecordingMavenLog log) {
    mojo.setLog(log);
    mojo.project = project;
    mojo.connectorsDirectory = new File(project.getBasedir(), "connectors");
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
