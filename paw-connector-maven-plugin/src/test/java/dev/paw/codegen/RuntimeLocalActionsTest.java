package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The file connector in paw-runtime implements the csv connector's generated {@code LOCAL} actions.
 * paw-runtime is built before this plugin (whose tests need it), so those sources are checked in
 * under {@code internal/csv}; this test keeps them what connectors/csv.yaml generates, so a changed
 * name or default in the file fails the build until they are refreshed with {@code
 * -Dpaw.updateGolden=true}.
 */
class RuntimeLocalActionsTest {

  static final String PACKAGE = "dev.paw.runtime.internal";

  private static final Path SOURCES =
      Connectors.repositoryRoot().resolve("paw-runtime/src/main/java");

  @Test
  void theRuntimesCsvLocalActionsAreWhatCsvYamlGenerates() throws IOException {
    ConnectorSpec csv = Connectors.load(Connectors.ours().resolve("csv.yaml"), "connectors");
    List<GeneratedFile> files = new ConnectorGenerator(PACKAGE).localActions(csv);
    Path directory = SOURCES.resolve(PACKAGE.replace('.', '/')).resolve(csv.name());
    if (Boolean.getBoolean("paw.updateGolden")) {
      for (GeneratedFile file : files) {
        Path path = SOURCES.resolve(file.path());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.content());
      }
    }
    try (Stream<Path> present = Files.list(directory)) {
      assertThat(present.map(p -> SOURCES.relativize(p).toString().replace('\\', '/')).sorted())
          .as("the files in " + directory)
          .containsExactlyElementsOf(files.stream().map(GeneratedFile::path).sorted().toList());
    }
    for (GeneratedFile file : files) {
      assertThat(Files.readString(SOURCES.resolve(file.path())))
          .as(file.path() + " (refresh with -Dpaw.updateGolden=true)")
          .isEqualTo(file.content());
    }
  }
}
