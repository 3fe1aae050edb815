package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code yaml} example in docs/connector-spec.md is a complete connector that loads without
 * errors (or warnings) and that the JSON Schema accepts. A {@code yaml invalid} example must be
 * followed by a {@code text} block holding exactly the diagnostics the build prints for it, as
 * {@code connectors/shop.yaml}.
 */
class ConnectorSpecDocTest {

  private static final Path DOC = TestFiles.repositoryRoot().resolve("docs/connector-spec.md");
  private static final String INVALID_PATH = "connectors/shop.yaml";

  /**
   * A fenced block of the document: its info string, the line its content starts on, and its
   * content.
   */
  record Block(String info, int line, String text) {
    @Override
    public String toString() {
      return "```" + info + " at line " + line;
    }
  }

  static List<Block> blocks() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```") || lines.get(i).equals("```")) {
        continue;
      }
      String info = lines.get(i).substring(3).strip();
      StringBuilder text = new StringBuilder();
      int start = i + 2;
      for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      blocks.add(new Block(info, start, text.toString()));
    }
    return blocks;
  }

  static Stream<Block> validExamples() throws IOException {
    return blocks().stream().filter(b -> b.info().equals("yaml"));
  }

  static Stream<Block[]> invalidExamples() throws IOException {
    List<Block> blocks = blocks();
    List<Block[]> pairs = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).info().equals("yaml invalid")) {
        assertThat(i + 1 < blocks.size() && blocks.get(i + 1).info().equals("text"))
            .as("%s is followed by a ```text block of its diagnostics", blocks.get(i))
            .isTrue();
        pairs.add(new Block[] {blocks.get(i), blocks.get(i + 1)});
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validExamples")
  void loadsWithoutErrorsOrWarnings(Block example) {
    ConnectorLoader.Result result = ConnectorLoader.load(example.text(), "docs/connector-spec.md");

    // Examples are meant to be copied: they show clean connectors, so not even a warning.
    assertThat(result.diagnostics())
        .map(Diagnostic::toString)
        .as("diagnostics of %s", example)
        .isEmpty();
    assertThat(result.spec()).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validExamples")
  void isValidAgainstTheJsonSchema(Block example) {
    assertThat(ConnectorSchema.validate(example.text()))
        .as("schema errors of %s", example)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidExamples")
  void printsTheDiagnosticsTheDocShows(Block example, Block expected) {
    ConnectorLoader.Result result = ConnectorLoader.load(example.text(), INVALID_PATH);

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.diagnostics())
        .map(Diagnostic::toString)
        .containsExactlyElementsOf(expected.text().lines().toList());
  }

  @Test
  void theDocumentHasAnExampleForEachFeature() throws IOException {
    List<String> examples = validExamples().map(Block::text).toList();

    assertThat(examples).hasSizeGreaterThanOrEqualTo(30);
    for (String method :
        List.of("none", "api_key", "bearer", "basic", "oauth2", "oauth", "cookie", "header")) {
      assertThat(examples)
          .as("an example of %s auth", method)
          .anyMatch(e -> e.contains("method: " + method + "\n"));
    }
    for (String style : List.of("cursor", "token", "link_header", "page", "offset", "next_url")) {
      assertThat(examples)
          .as("an example of %s pagination", style)
          .anyMatch(
              e ->
                  e.contains("style: " + style + "\n")
                      || e.contains("pagination: " + style + "\n"));
    }
    for (String mode : List.of("replace", "append")) {
      assertThat(examples)
          .as("an example of write_mode %s", mode)
          .anyMatch(e -> e.contains("write_mode: " + mode));
    }
    assertThat(examples).anyMatch(e -> e.contains("{+"));
    assertThat(examples).anyMatch(e -> e.contains("incremental:"));
    assertThat(examples).anyMatch(e -> e.contains("<<: *"));
    assertThat(examples).anyMatch(e -> e.contains("content_type: form"));
    assertThat(invalidExamples()).isNotEmpty();
  }
}
