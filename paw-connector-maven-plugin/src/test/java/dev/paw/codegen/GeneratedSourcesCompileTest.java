package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates every connector we ship and every PocketPaw file users write today, compiles the lot as
 * a user's build would ({@code -Xlint:all -Werror}), and checks that each generated descriptor
 * rebuilds exactly the spec that loading its YAML gives: the two front doors share one model.
 */
class GeneratedSourcesCompileTest {

  private static final ConnectorGenerator GENERATOR = new ConnectorGenerator("com.example.paw");
  private static final List<ConnectorSpec> SPECS = new ArrayList<>();
  private static final List<GeneratedFile> FILES = new ArrayList<>();
  private static final int MAX_LINE = 120;
  private static final Path SHARED =
      Connectors.repositoryRoot().resolve("../shared/pocketpaw-connectors").normalize();
  private static InMemoryCompiler.Compilation compilation;

  @BeforeAll
  static void generateAndCompile(@TempDir Path work) {
    for (Path file : Connectors.yamlFiles(Connectors.ours())) {
      SPECS.add(Connectors.load(file, "connectors"));
    }
    // Keys no built-in connector uses yet (rate limits)
    for (Path file : Connectors.yamlFiles(Path.of("src/test/resources/extra"))) {
      SPECS.add(Connectors.load(file, "extra"));
    }
    // Without ../shared only ours are generated; everyPocketPawFileWasLoaded reports the skip.
    List<Path> pocketPaw = Files.isDirectory(SHARED) ? Connectors.yamlFiles(SHARED) : List.of();
    for (Path file : pocketPaw) {
      ConnectorLoader.Result result = ConnectorLoader.load(file, "shared/" + file.getFileName());
      result.warnings().forEach(w -> System.out.println("[PocketPaw file warning] " + w));
      assertThat(result.errors()).as("errors in " + file).isEmpty();
      ConnectorSpec spec = result.spec();
      // Ours and PocketPaw's share names (stripe, csv, rest_generic): give PocketPaw's a package of
      // its own.
      SPECS.add(spec);
    }
    for (ConnectorSpec spec : SPECS) {
      FILES.addAll(generatorFor(spec).generate(spec));
    }
    compilation = InMemoryCompiler.compile(FILES, work);
  }

  private static ConnectorGenerator generatorFor(ConnectorSpec spec) {
    return spec.source().startsWith("shared/")
        ? new ConnectorGenerator("com.example.pocketpaw")
        : GENERATOR;
  }

  @Test
  void everyConnectorOfOursWasLoaded() {
    assertThat(SPECS)
        .filteredOn(spec -> spec.source().startsWith("connectors/"))
        .map(ConnectorSpec::name)
        .contains("stripe", "gmail", "gcalendar", "csv", "rest_generic");
  }

  @Test
  @EnabledIf(value = SharedConnectors.PRESENT, disabledReason = SharedConnectors.MISSING)
  void everyPocketPawFileWasLoaded() {
    assertThat(SPECS)
        .filteredOn(spec -> spec.source().startsWith("shared/"))
        .hasSize(Connectors.yamlFiles(Connectors.shared()).size())
        .hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void generatedSourcesCompileWithoutAnyWarning() {
    assertThat(compilation.diagnostics()).isEmpty();
  }

  @Test
  void noGeneratedLineIsLongerThan120Characters() {
    List<String> tooLong = new ArrayList<>();
    for (GeneratedFile file : FILES) {
      String[] lines = file.content().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].length() > MAX_LINE) {
          tooLong.add(
              file.path() + ":" + (i + 1) + " (" + lines[i].length() + "): " + lines[i].strip());
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  @Test
  void everyDescriptorRebuildsTheSpecLoadedFromYaml() throws ReflectiveOperationException {
    for (ConnectorSpec spec : SPECS) {
      Class<?> descriptor = compilation.load(generatorFor(spec).descriptorClass(spec));
      Field field = descriptor.getField("SPEC");
      assertThat(field.get(null)).as(spec.source()).isEqualTo(spec);
    }
  }
}
