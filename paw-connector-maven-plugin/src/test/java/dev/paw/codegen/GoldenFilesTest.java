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
 * The Stripe connector's generated sources, byte for byte. A change to the generator shows up here as a readable
 * diff; after reviewing it, refresh the golden files with {@code -Dpaw.updateGolden=true}.
 */
class StripeGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/stripe");

  @Test
  void generatedSourcesMatchTheGoldenFiles() throws IOException {
    ConnectorSpec stripe = Connectors.load(Connectors.ours().resolve("stripe.yaml"), "connectors");
    ConnectorGenerator generator = new ConnectorGenerator("com.example.paw");
    List<GeneratedFile> files = new java.util.ArrayList<>(generator.generate(stripe));
    files.add(generator.serviceFile(List.of(stripe)));
    if (Boolean.getBoolean("paw.updateGolden")) {
      write(files);
    }
    try (Stream<Path> golden = Files.walk(GOLDEN)) {
      List<String> expectedPaths = golden.filter(Files::isRegularFile)
          .map(p -> GOLDEN.relativize(p).toString().replace('\\', '/')).sorted().toList();
      assertThat(files.stream().map(GeneratedFile::path).sorted().toList()).isEqualTo(expectedPaths);
    }
    for (GeneratedFile file : files) {
      assertThat(file.content()).as(file.path()).isEqualTo(Files.readString(GOLDEN.resolve(file.path())));
    }
  }

  @Test
  void generationIsDeterministic() {
    ConnectorSpec first = Connectors.load(Connectors.ours().resolve("stripe.yaml"), "connectors");
    ConnectorSpec second = Connectors.load(Connectors.ours().resolve("stripe.yaml"), "connectors");
    assertThat(new ConnectorGenerator("a.b").generate(first)).isEqualTo(new ConnectorGenerator("a.b").generate(second));
  }

  private static void write(List<GeneratedFile> files) throws IOException {
    if (Files.exists(GOLDEN)) {
      try (Stream<Path> old = Files.walk(GOLDEN)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (GeneratedFile file : files) {
      Path path = GOLDEN.resolve(file.path());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.content());
    }
  }
}
