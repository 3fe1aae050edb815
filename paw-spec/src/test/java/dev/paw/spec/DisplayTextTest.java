package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text a connector file gives people to read (display name, descriptions of actions, parameters and
 * credentials) is printed by {@code paw connectors list}, {@code paw actions} and the approval
 * prompt. Terminal commands hidden in it (ESC and CSI sequences, C1 controls, carriage returns,
 * bidirectional overrides) are refused when the file is validated, with the error at the text;
 * descriptions may still span lines and hold tabs.
 */
class DisplayTextTest {

  private static final String TEMPLATE =
      """
      name: shop
      display_name: DISPLAY
      base_url: https://api.example.com
      auth:
        method: api_key
        in: header
        name: X-Api-Key
        credentials:
          - name: SHOP_KEY
            description: CREDENTIAL
      actions:
        - name: list_items
          description: ACTION
          url: /items
          params:
            status: { type: string, description: PARAM }
          trust_level: auto
      """;

  private static ConnectorLoader.Result load(String slot, String yamlValue) {
    String text = TEMPLATE;
    for (String other : new String[] {"DISPLAY", "CREDENTIAL", "ACTION", "PARAM"}) {
      text = text.replace(other, other.equals(slot) ? yamlValue : "\"A shop\"");
    }
    return ConnectorLoader.load(text, "shop.yaml");
  }

  @Test
  void plainTextLoads() {
    assertThat(load("DISPLAY", "\"Shop ünïcödé 😀\"").errors()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DISPLAY    | \"\\e]0;owned\\a\\e[2J\\e[HShop\"  | 2:15 | 'display_name' holds an escape character (U+001B, which"
            + " starts terminal commands) at character 1",
        "DISPLAY    | \"Shop\\nsecond line\"             | 2:15 | 'display_name' holds a line break (U+000A) at character 5",
        "DISPLAY    | \"Shop\\tTab\"                     | 2:15 | 'display_name' holds a tab (U+0009) at character 5",
        "ACTION     | \"Lists items\\r\\e[2Kdelete_all\" | 13:18 | 'description' of action 'list_items' holds a control"
            + " character (U+000D) at character 12",
        "PARAM      | \"x\\x9b2J\"                       | 16:44 | 'description' of parameter 'status' of action"
            + " 'list_items' holds a control character (U+009B) at character 2",
        "PARAM      | \"x\\x7f\"                         | 16:44 | holds a control character (U+007F) at character 2",
        "CREDENTIAL | \"key \\u202Egnp.exe\"             | 10:20 | holds an invisible formatting character (U+202E) at"
            + " character 5"
      })
  void terminalCommandsAreRefusedAtTheText(String slot, String value, String at, String message) {
    ConnectorLoader.Result result = load(slot, value);

    assertThat(result.spec()).isNull();
    assertThat(result.errors()).hasSize(1);
    Diagnostic error = result.errors().get(0);
    assertThat(error.toString()).startsWith("shop.yaml:" + at + ": ").contains(message);
    assertThat(error.toString().chars().filter(c -> c < 0x20 || c == 0x7f || c == 0x9b).count())
        .as("the diagnostic itself prints no control character")
        .isZero();
  }

  @Test
  void descriptionsMaySpanLinesAndHoldTabs() {
    ConnectorLoader.Result result =
        load("ACTION", "|\n            Lists items.\n            \tindented\tcells\n");

    assertThat(result.errors()).as("%s", result.diagnostics()).isEmpty();
    assertThat(result.spec().actions().get(0).description())
        .isEqualTo("Lists items.\n\tindented\tcells\n");
  }
}
