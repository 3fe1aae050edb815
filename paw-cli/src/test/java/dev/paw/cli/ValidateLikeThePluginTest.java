package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.build.BuildLog;
import dev.paw.build.ConnectorBuildException;
import dev.paw.build.PawBuild;
import dev.paw.build.SourceSet;
import dev.paw.build.ValidateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw validate DIR} and {@code mvn paw:validate} print the same diagnostics for the same
 * folder, cross-file checks included: a CI job without Maven fails for the same reasons as the
 * build.
 */
class ValidateLikeThePluginTest {

  @TempDir Path dir;

  @TempDir Path home;

  /** Two files that declare one name, one of them with a warning, and a third with an error. */
  private Path folder() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("project/connectors/more"));
    Files.writeString(
        connectors.resolveSibling("a.yaml"),
        """
        name: shared
        auth: { method: none }
        actions:
          - name: report
            method: POST
            url: https://api.example.com/reports
            trust_level: auto
        """);
    Files.writeString(connectors.resolve("b.yml"), "name: shared\nauth: { method: none }\n");
    Files.writeString(connectors.resolveSibling("c.yaml"), "name: c\nauth: { method: nope }\n");
    return connectors.getParent();
  }

  @Test
  void printsWhatThePluginLogsForTheSameFolder() throws Exception {
    Path connectors = folder();
    // Both name files relative to the working directory, as a user running either from the project
    // would see.
    Path cwd = Path.of("").toAbsolutePath();
    Path relative = cwd.relativize(connectors);

    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    PawBuild build =
        new PawBuild(
            new BuildLog() {
              public void debug(String message) {}

              public void info(String message) {}

              public void warn(String message) {
                warnings.add(message);
              }

              public void error(String message) {
                errors.add(message);
              }
            });
    assertThatThrownBy(
            () ->
                build.validate(
                    new ValidateRequest(
                        new SourceSet(cwd, connectors, List.of(), List.of()), false)))
        .isInstanceOf(ConnectorBuildException.class);

    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit =
        PawCli.run(
            new String[] {"--home", home.toString(), "validate", relative.toString()},
            terminal,
            Map.of());

    String shown = relative.toString().replace('\\', '/');
    assertThat(exit).isEqualTo(ExitCodes.FAILED);
    assertThat(errors)
        .contains(
            shown
                + "/more/b.yml:1:1: connector name 'shared' is already declared by "
                + shown
                + "/a.yaml; every connector needs a name of its own (the file name does not count)");
    assertThat(terminal.errors().lines().toList()).isEqualTo(errors);
    assertThat(terminal.printed().lines().filter(l -> l.contains(": warning: ")).toList())
        .isEqualTo(warnings)
        .hasSize(1);
    assertThat(terminal.printed()).contains("3 files, 2 errors, 1 warning");
  }

  @Test
  void checksFilesOfSeveralFoldersAndFilesTogether() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Files.writeString(first.resolve("one.yaml"), "name: team_x\nauth: { method: none }\n");
    Files.writeString(second.resolve("two.yaml"), "name: team__x\nauth: { method: none }\n");
    Files.writeString(dir.resolve("three.yaml"), "name: three\nauth: { method: none }\n");

    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit =
        PawCli.run(
            new String[] {
              "--home",
              home.toString(),
              "validate",
              first.toString(),
              second.toString(),
              dir.resolve("three.yaml").toString()
            },
            terminal,
            Map.of());

    assertThat(exit).isEqualTo(ExitCodes.FAILED);
    assertThat(terminal.errors())
        .contains(
            "two.yaml:1:1: connector name 'team__x' gives the same Java package as"
                + " 'team_x' in "
                + first.toString().replace('\\', '/')
                + "/one.yaml; rename one of them");
    assertThat(terminal.printed()).contains("3 files, 1 error, 0 warnings");
  }
}
