package dev.paw.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateMojoTest {

  static final String WARNS =
      """
      name: outages
      auth:
        method: none
      actions:
        - name: report_outage
          method: POST
          url: https://api.example.com/outages
          trust_level: auto
      """;
  static final String WARNING =
      "connectors/outages.yaml:8:18: warning: action 'report_outage' is a POST left at"
          + " trust level 'auto': it changes data without asking (set trust_level: confirm)";

  @TempDir Path dir;

  private final RecordingMavenLog log = new RecordingMavenLog();

  @Test
  void warningsAreLoggedAsMavenWarningsAndPass() throws Exception {
    MojoTestProject.write(dir.resolve("connectors/outages.yaml"), WARNS);

    MojoTestProject.validate(MojoTestProject.project(dir), log).execute();

    assertThat(log.lines)
        .filteredOn(line -> !line.startsWith("[DEBUG]"))
        .containsExactly("[WARNING] " + WARNING, "[INFO] 1 connector file valid (1 warning)");
    assertThat(dir.resolve("target")).doesNotExist();
  }

  @Test
  void failOnWarningFails() throws Exception {
    MojoTestProject.write(dir.resolve("connectors/outages.yaml"), WARNS);
    ValidateMojo mojo = MojoTestProject.validate(MojoTestProject.project(dir), log);
    mojo.failOnWarning = true;

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("1 warning in connector files, and paw.failOnWarning is set:\n" + WARNING);
  }

  @Test
  void missingDirectoryWarnsAndPasses() throws Exception {
    MojoTestProject.validate(MojoTestProject.project(dir), log).execute();

    assertThat(log.lines)
        .singleElement()
        .asString()
        .startsWith(
            "[WARNING] No connector files: the connectors directory connectors does not exist");
  }
}
