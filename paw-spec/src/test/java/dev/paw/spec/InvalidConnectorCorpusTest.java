package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paw.spec.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code invalid/} loads to exactly the diagnostics its sibling {@code .expected}
 * file lists, as the build prints them ({@code invalid/name.yaml:line:col: message}), in order.
 */
class InvalidConnectorCorpusTest {

  private static final Path CORPUS = TestFiles.resourceDirectory("invalid");

  static Stream<String> corpus() {
    return TestFiles.yamlFiles(CORPUS).stream().map(f -> f.getFileName().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void printsExactlyTheExpectedDiagnostics(String file) throws IOException {
    List<String> expected = Files.readAllLines(CORPUS.resolve(file.replace(".yaml", ".expected")));

    // Hostile files (alias bombs, deep nesting) must be refused quickly, not hang or run out of
    // memory.
    ConnectorLoader.Result result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> ConnectorLoader.load(CORPUS.resolve(file), "invalid/" + file));

    assertThat(result.diagnostics()).map(Diagnostic::toString).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void givesNoSpecExactlyWhenThereAreErrors(String file) throws IOException {
    boolean expectsErrors =
        Files.readAllLines(CORPUS.resolve(file.replace(".yaml", ".expected"))).stream()
            .anyMatch(line -> !line.contains(": warning: "));

    ConnectorLoader.Result result = ConnectorLoader.load(CORPUS.resolve(file), "invalid/" + file);

    assertThat(result.hasErrors()).isEqualTo(expectsErrors);
    assertThat(result.spec() == null).isEqualTo(expectsErrors);
  }

  @Test
  void everyExpectationHasItsConnectorFile() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<String> orphans =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".expected"))
              .filter(n -> !Files.exists(CORPUS.resolve(n.replace(".expected", ".yaml"))))
              .toList();
      assertThat(orphans).isEmpty();
    }
  }

  @Test
  void theCorpusIsLargeAndEveryFileReportsSomething() throws IOException {
    List<String> files = corpus().toList();
    assertThat(files).hasSizeGreaterThanOrEqualTo(45);
    for (String file : files) {
      assertThat(Files.readAllLines(CORPUS.resolve(file.replace(".yaml", ".expected"))))
          .as("expected diagnostics of %s", file)
          .isNotEmpty();
    }
  }
}
