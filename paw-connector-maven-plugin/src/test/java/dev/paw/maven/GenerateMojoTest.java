package dev.paw.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {

  static final String CONNECTOR =
      """
      name: alpha
      auth:
        method: none
      actions:
        - name: list_items
          url: https://api.example.com/items
          trust_level: auto
      """;

  @TempDir Path dir;

  private final RecordingMavenLog log = new RecordingMavenLog();

  @Test
  void addsTheOutputDirectoriesWhenGeneratingAndWhenUpToDate() throws Exception {
    MojoTestProject.write(dir.resolve("connectors/alpha.yaml"), CONNECTOR);

    for (int build = 1; build <= 2; build++) {
      MavenProject project = MojoTestProject.project(dir);
      MojoTestProject.generate(project, log).execute();
      MojoTestProject.generate(project, log)
          .execute(); // a second execution in the same build adds nothing twice

      assertThat(project.getCompileSourceRoots())
          .as("build " + build)
          .containsOnlyOnce(dir.resolve("target/generated-sources/paw").toString());
      assertThat(project.getResources())
          .as("build " + build)
          .extracting(Resource::getDirectory)
          .containsExactly(dir.resolve("target/generated-resources/paw").toString());
    }
    assertThat(dir.resolve("target/generated-sources/paw/paw/generated/alpha/AlphaClient.java"))
        .exists();
    assertThat(dir.resolve("target/paw/connector.schema.json"))
        .as("the JSON Schema, where a connector file's editor comment can name it")
        .hasSameBinaryContentAs(
            Path.of("../paw-spec/src/main/resources/dev/paw/spec/connector.schema.json"));
    assertThat(log.lines)
        .contains(
            "[INFO] Generated connector sources are up to date (1 connector file unchanged); nothing to generate");
  }

  @Test
  void badFilesFailWithEveryErrorLoggedAndListed() {
    MavenProject project = MojoTestProject.project(dir);
    write("connectors/alpha.yaml", CONNECTOR.replace("trust_level", "trust_levle"));

    assertThatThrownBy(() -> MojoTestProject.generate(project, log).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "1 error in connector files:\nconnectors/alpha.yaml:7:5: unknown key 'trust_levle' in action"
                + " 'list_items' (did you mean 'trust_level'?)");
    assertThat(log.lines)
        .contains(
            "[ERROR] connectors/alpha.yaml:7:5: unknown key 'trust_levle' in action"
                + " 'list_items' (did you mean 'trust_level'?)");
    assertThat(project.getCompileSourceRoots()).isEmpty();
  }

  @Test
  void badPackageNameIsAConfigurationError() {
    MavenProject project = MojoTestProject.project(dir);
    GenerateMojo mojo = MojoTestProject.generate(project, log);
    mojo.packageName = "com.acme-paw";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("Bad paw.packageName: 'com.acme-paw' is not a Java package name");
  }

  @Test
  void skipGeneratesNothingButKeepsEarlierOutputCompiling() throws Exception {
    write("connectors/alpha.yaml", CONNECTOR);
    MavenProject first = MojoTestProject.project(dir);
    GenerateMojo skipped = MojoTestProject.generate(first, log);
    skipped.skip = true;
    skipped.execute();
    assertThat(first.getCompileSourceRoots()).isEmpty();
    assertThat(dir.resolve("target")).doesNotExist();

    MojoTestProject.generate(MojoTestProject.project(dir), log).execute();
    MavenProject later = MojoTestProject.project(dir);
    GenerateMojo skippedLater = MojoTestProject.generate(later, log);
    skippedLater.skip = true;
    skippedLater.execute();

    assertThat(later.getCompileSourceRoots())
        .containsExactly(dir.resolve("target/generated-sources/paw").toString());
    assertThat(log.lines).contains("[INFO] Skipping paw:generate (paw.skip)");
  }

  private void write(String relative, String text) {
    try {
      MojoTestProject.write(dir.resolve(relative), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
