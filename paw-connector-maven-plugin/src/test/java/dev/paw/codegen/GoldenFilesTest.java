package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in connector's generated sources, byte for byte, under {@code golden/<connector>}. A
 * change to the generator shows up here as a readable diff; after reviewing it, refresh the golden
 * files with {@code -Dpaw.updateGolden=true}.
 */
class GoldenFilesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static List<Path> builtInConnectors() {
    return Connectors.yamlFiles(Connectors.ours());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtInConnectors")
  void generatedSourcesMatchTheGoldenFiles(Path file) throws IOException {
    ConnectorSpec spec = Connectors.load(file, "connectors");
    Path golden = GOLDEN.resolve(spec.name());
    ConnectorGenerator generator = new ConnectorGenerator("com.example.paw");
    List<GeneratedFile> files = new ArrayList<>(generator.generate(spec));
    files.add(generator.serviceFile(List.of(spec)));
    if (Boolean.getBoolean("paw.updateGolden")) {
      write(golden, files);
    }
    try (Stream<Path> expected = Files.walk(golden)) {
      List<String> expectedPaths =
          expected
              .filter(Files::isRegularFile)
              .map(p -> golden.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      assertThat(files.stream().map(GeneratedFile::path).sorted().toList())
          .isEqualTo(expectedPaths);
    }
    for (GeneratedFile generated : files) {
      assertThat(generated.content())
          .as(generated.path())
          .isEqualTo(Files.readString(golden.resolve(generated.path())));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtInConnectors")
  void generationIsDeterministic(Path file) {
    ConnectorSpec first = Connectors.load(file, "connectors");
    ConnectorSpec second = Connectors.load(file, "connectors");
    assertThat(new ConnectorGenerator("a.b").generate(first))
        .isEqualTo(new ConnectorGenerator("a.b").generate(second));
  }

  private static void write(Path golden, List<GeneratedFile> files) throws IOException {
    if (Files.exists(golden)) {
      try (Stream<Path> old = Files.walk(golden)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (GeneratedFile generated : files) {
      Path path = golden.resolve(generated.path());
      Files.createDirectories(path.getParent());
      Files.writeString(path, generated.content());
    }
  }
}
