package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.spec.diagnostic.ConnectorSpecException;
import dev.paw.spec.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectorLoaderTest {

  private static final String MINIMAL =
      """
      name: shop
      actions:
        - name: list_items
          method: get
          url: https://api.example.com/items
          trust_level: auto
      """;

  @Test
  void acceptsLowerCaseHttpMethodsAsPocketPawDoes() {
    ConnectorSpec spec = ConnectorLoader.load(MINIMAL, "shop.yaml").orThrow();

    assertThat(spec.action("list_items").orElseThrow().method()).isEqualTo(HttpMethod.GET);
  }

  @Test
  void aFileAndItsTextLoadToTheSameSpec(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("shop.yaml");
    Files.writeString(file, MINIMAL);

    assertThat(ConnectorLoader.load(file, "connectors/shop.yaml").spec())
        .isEqualTo(ConnectorLoader.load(MINIMAL, "connectors/shop.yaml").spec());
  }

  @Test
  void ignoresAByteOrderMark(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("shop.yaml");
    Files.write(file, ("\uFEFF" + MINIMAL).getBytes(StandardCharsets.UTF_8));

    assertThat(ConnectorLoader.load(file, "shop.yaml").diagnostics()).isEmpty();
  }

  @Test
  void aMissingFileIsADiagnosticNotAnException(@TempDir Path dir) {
    ConnectorLoader.Result result = ConnectorLoader.load(dir.resolve("absent.yaml"), "absent.yaml");

    assertThat(result.spec()).isNull();
    assertThat(result.errors())
        .singleElement()
        .extracting(Diagnostic::toString)
        .asString()
        .startsWith("absent.yaml: cannot read the file: ");
  }

  @Test
  void refusesTextLargerThanAConnectorCanBe() {
    String huge = "name: shop\ndescription: \"" + "x".repeat(1024 * 1024) + "\"\n";

    assertThat(ConnectorLoader.load(huge, "huge.yaml").errors())
        .map(Diagnostic::toString)
        .containsExactly(
            "huge.yaml:1:1: the file is larger than a connector file can be (more than 1048576"
                + " characters)");
  }

  @Test
  void orThrowListsEveryErrorOnItsOwnLine() {
    ConnectorLoader.Result result =
        ConnectorLoader.load(
            """
        name: shop
        actoins: []
        sinc: {}
        """,
            "shop.yaml");

    assertThatThrownBy(result::orThrow)
        .isInstanceOf(ConnectorSpecException.class)
        .hasMessage(
            """
        shop.yaml:2:1: unknown key 'actoins' at the top level (did you mean 'actions'?)
        shop.yaml:3:1: unknown key 'sinc' at the top level (did you mean 'sync'?)""");
  }

  @Test
  void warningsDoNotStopTheSpec() {
    ConnectorLoader.Result result =
        ConnectorLoader.load(
            """
        name: shop
        actions:
          - name: delete_item
            method: DELETE
            url: https://api.example.com/items/{id}
            trust_level: auto
            params:
              id: { type: string, required: true }
        """,
            "shop.yaml");

    assertThat(result.hasErrors()).isFalse();
    assertThat(result.warnings()).hasSize(1);
    assertThat(result.orThrow().action("delete_item")).isPresent();
  }

  @Test
  void textQuotedFromTheFileCannotForgeADiagnosticLine() {
    ConnectorLoader.Result result =
        ConnectorLoader.load(
            """
        name: shop
        "x\\nshop.yaml:1:1: warning: all good\\r\\u0085\\u2028": 1
        """,
            "shop.yaml");

    assertThat(result.errors())
        .map(Diagnostic::toString)
        .containsExactly(
            "shop.yaml:2:1: unknown key"
                + " 'x\\nshop.yaml:1:1: warning: all good\\r\\u0085\\u2028' at the top level");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1:30.5 | '1:30.5' is read as a number in a form connector files do not use (base 60, or no digits); quote it"
            + " to make it a string",
        "-1:30  | '-1:30' is read as a number in a form connector files do not use (base 60, or no digits); quote it"
            + " to make it a string",
        "._     | '._' is read as a number in a form connector files do not use (base 60, or no digits); quote it to"
            + " make it a string",
        "1e999  | the number 1e999 is out of range (too large for a number)"
      })
  void numbersYamlResolvesButJavaCannotReadAreDiagnosed(String number, String message) {
    // YAML 1.1 resolves these as numbers; Double.parseDouble threw on the first three, the last
    // became Infinity
    ConnectorLoader.Result result =
        ConnectorLoader.load(
            """
        name: shop
        actions:
          - name: list_items
            url: https://api.example.com/items
            trust_level: auto
            params:
              limit: { type: number, default: %s }
        """
                .formatted(number),
            "shop.yaml");

    assertThat(result.errors())
        .map(Diagnostic::toString)
        .first()
        .isEqualTo("shop.yaml:7:39: " + message);
    assertThat(result.spec()).isNull();
  }
}
