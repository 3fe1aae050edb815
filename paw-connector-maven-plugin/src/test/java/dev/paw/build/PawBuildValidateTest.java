package dev.paw.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PawBuildValidateTest {

  /** A write action left at trust level auto: a warning, not an error. */
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

  @TempDir Path dir;

  private final RecordingLog log = new RecordingLog();

  @Test
  void validFilesPass() throws Exception {
    TestProject project = new TestProject(dir);
    project.write("connectors/alpha.yaml", TestProject.connector("alpha"));
    project.write("connectors/beta.yaml", TestProject.connector("beta"));

    ValidationResult result = validate(project, false);

    assertThat(result).isEqualTo(new ValidationResult(2, 0));
    assertThat(log.at("INFO")).containsExactly("2 connector files valid");
    assertThat(log.at("WARN")).isEmpty();
    assertThat(project.outputTimes()).as("validate writes nothing").isEmpty();
  }

  @Test
  void errorsOfEveryFileAreLoggedAndListedInTheFailure() {
    TestProject project = new TestProject(dir);
    project.write(
        "connectors/a.yaml",
        """
        name: a
        auth:
          method: none
        actions:
          - name: list
            url: https://api.example.com/{ACCOUNT}/things
            trust_levle: auto
        """);
    project.write("connectors/b.yaml", TestProject.connector("b"));
    project.write("connectors/c.yaml", "name: c\nauth: [\n");

    ConnectorBuildException failure =
        catchThrowableOfType(ConnectorBuildException.class, () -> validate(project, false));

    List<String> errors =
        List.of(
            "connectors/a.yaml:6:10: placeholder '{ACCOUNT}' in the url of action 'list' matches no credential or"
                + " parameter",
            "connectors/a.yaml:7:5: unknown key 'trust_levle' in action 'list' (did you mean 'trust_level'?)");
    assertThat(log.at("ERROR")).startsWith(errors.toArray(String[]::new)).hasSize(3);
    assertThat(log.at("ERROR").get(2)).startsWith("connectors/c.yaml:");
    assertThat(failure.getMessage().lines()).first().isEqualTo("3 errors in connector files:");
    assertThat(failure.getMessage().lines().skip(1)).isEqualTo(log.at("ERROR"));
    assertThat(failure.diagnostics()).hasSize(3);
  }

  @Test
  void warningsAreLoggedAsWarningsAndPassByDefault() throws Exception {
    TestProject project = new TestProject(dir);
    project.write("connectors/outages.yaml", WARNS);

    ValidationResult result = validate(project, false);

    assertThat(result).isEqualTo(new ValidationResult(1, 1));
    assertThat(log.at("WARN"))
        .containsExactly(
            "connectors/outages.yaml:8:18: warning: action 'report_outage' is a"
                + " POST left at trust level 'auto': it changes data without asking (set trust_level: confirm)");
    assertThat(log.at("ERROR")).isEmpty();
    assertThat(log.at("INFO")).containsExactly("1 connector file valid (1 warning)");
  }

  @Test
  void failOnWarningTurnsWarningsIntoAFailure() {
    TestProject project = new TestProject(dir);
    project.write("connectors/outages.yaml", WARNS);
    project.write("connectors/fine.yaml", TestProject.connector("fine"));

    assertThatThrownBy(() -> validate(project, true))
        .isInstanceOf(ConnectorBuildException.class)
        .hasMessage(
            "1 warning in connector files, and paw.failOnWarning is set:\n"
                + log.at("WARN").get(0));
    assertThat(log.at("WARN")).hasSize(1);
  }

  @Test
  void duplicateNamesAreAnErrorNamingBothFiles() {
    TestProject project = new TestProject(dir);
    project.write("connectors/stripe.yaml", TestProject.connector("stripe"));
    project.write("connectors/zz/stripe-copy.yaml", "# a copy\n" + TestProject.connector("stripe"));

    assertThatThrownBy(() -> validate(project, false))
        .isInstanceOf(ConnectorBuildException.class)
        .hasMessage(
            "1 error in connector files:\nconnectors/zz/stripe-copy.yaml:2:1: connector name 'stripe' is"
                + " already declared by connectors/stripe.yaml; every connector needs a name of its own (the file name"
                + " does not count)");
  }

  @Test
  void namesThatGiveTheSamePackageAreAnError() {
    TestProject project = new TestProject(dir);
    project.write("connectors/a.yaml", TestProject.connector("my_api"));
    project.write("connectors/b.yaml", TestProject.connector("my__api"));

    assertThatThrownBy(() -> validate(project, false))
        .isInstanceOf(ConnectorBuildException.class)
        .hasMessageContaining(
            "connectors/b.yaml:1:1: connector name 'my__api' gives the same Java package as"
                + " 'my_api' in connectors/a.yaml");
  }

  @Test
  void noConnectorFilesIsNotAFailure() throws Exception {
    TestProject project = new TestProject(dir);

    assertThat(validate(project, true)).isEqualTo(new ValidationResult(0, 0));
    assertThat(log.at("WARN")).singleElement().asString().contains("does not exist");
    assertThat(Files.exists(dir.resolve("target"))).isFalse();
  }

  private ValidationResult validate(TestProject project, boolean failOnWarning)
      throws ConnectorBuildException {
    return new PawBuild(log).validate(new ValidateRequest(project.sourceSet(), failOnWarning));
  }
}
