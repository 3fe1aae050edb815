package dev.paw.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

  @TempDir Path dir;

  private final RecordingLog log = new RecordingLog();

  @Test
  void defaultIncludesFindYamlAndYmlAtAnyDepthInPathOrder() {
    TestProject project = new TestProject(dir);
    project.write("connectors/stripe.yaml", "");
    project.write("connectors/billing/invoices.yml", "");
    project.write("connectors/a.yaml", "");
    project.write("connectors/README.md", "");
    project.write("connectors/stripe.yaml.orig", "");

    assertThat(displayPaths(scan(project.sourceSet())))
        .containsExactly(
            "connectors/a.yaml", "connectors/billing/invoices.yml", "connectors/stripe.yaml");
    assertThat(log.at("WARN")).isEmpty();
  }

  @Test
  void excludesWinOverIncludes() {
    TestProject project = new TestProject(dir);
    project.write("connectors/stripe.yaml", "");
    project.write("connectors/drafts/new.yaml", "");
    project.write("connectors/old.yml", "");

    SourceSet set =
        new SourceSet(dir, project.connectors, List.of(), List.of("drafts/**", "*.yml"));

    assertThat(displayPaths(scan(set))).containsExactly("connectors/stripe.yaml");
  }

  @Test
  void explicitIncludesReplaceTheDefaults() {
    TestProject project = new TestProject(dir);
    project.write("connectors/stripe.yaml", "");
    project.write("connectors/billing/invoices.yaml", "");

    SourceSet set = new SourceSet(dir, project.connectors, List.of("billing/*.yaml"), null);

    assertThat(displayPaths(scan(set))).containsExactly("connectors/billing/invoices.yaml");
  }

  @Test
  void displayPathsAreRelativeToTheProjectEvenOutsideIt() {
    Path project = dir.resolve("app");
    new TestProject(dir).write("shared/stripe.yaml", "");

    SourceSet set = new SourceSet(project, dir.resolve("shared"), null, null);

    assertThat(displayPaths(scan(set))).containsExactly("../shared/stripe.yaml");
  }

  @Test
  void missingDirectoryWarnsAndFindsNothing() {
    SourceSet set = new SourceSet(dir, dir.resolve("src/connectors"), null, null);

    assertThat(scan(set)).isEmpty();
    assertThat(log.at("WARN"))
        .singleElement()
        .asString()
        .contains("connectors directory src/connectors does not exist")
        .contains("paw.connectorsDirectory");
  }

  @Test
  void directoryWithoutMatchesWarnsAndFindsNothing() {
    TestProject project = new TestProject(dir);
    project.write("connectors/notes.txt", "");

    assertThat(scan(project.sourceSet())).isEmpty();
    assertThat(log.at("WARN"))
        .singleElement()
        .asString()
        .contains("nothing in connectors matches the includes [**/*.yaml, **/*.yml]");
  }

  private List<ConnectorSource> scan(SourceSet set) {
    return new SourceScanner(log).scan(set);
  }

  private static List<String> displayPaths(List<ConnectorSource> sources) {
    return sources.stream().map(ConnectorSource::displayPath).toList();
  }
}
