package dev.paw.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ParamType;
import dev.paw.spec.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

/** An array parameter's {@code items}: the type of its elements. */
class ParamItemsTest {

  private static ConnectorLoader.Result load(String param) {
    return ConnectorLoader.load(
        """
        name: incidents
        base_url: https://api.incidents.example
        actions:
          - name: list_incidents
            url: /incidents
            trust_level: auto
            params:
              ids: %s
        """
            .formatted(param),
        "incidents.yaml");
  }

  @Test
  void readsTheItemType() {
    assertThat(
            load("{ type: array, items: integer, default: [1, 2] }")
                .orThrow()
                .action("list_incidents")
                .orElseThrow()
                .param("ids")
                .orElseThrow()
                .items())
        .isEqualTo(ParamType.INTEGER);
    assertThat(
            load("{ type: array }")
                .orThrow()
                .action("list_incidents")
                .orElseThrow()
                .param("ids")
                .orElseThrow()
                .items())
        .isNull();
  }

  @Test
  void itemsAreForArraysOfAKnownType() {
    assertThat(load("{ type: string, items: integer }").errors())
        .map(Diagnostic::message)
        .containsExactly(
            "'items' of parameter 'ids' of action 'list_incidents' is for array parameters, but it is"
                + " a string");
    assertThat(load("{ type: array, items: integr }").errors())
        .map(Diagnostic::message)
        .singleElement()
        .asString()
        .startsWith("unknown item type 'integr'");
  }

  @Test
  void theDefaultsElementsMustBeOfTheItemType() {
    assertThat(load("{ type: array, items: integer, default: [1, two] }").errors())
        .map(Diagnostic::message)
        .singleElement()
        .asString()
        .contains("holds a value that is not an integer");
  }
}
