package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names in a connector file become file and scope names (connector), Java identifiers and audit
 * targets (actions), environment variable names (credentials), HTTP header names and SQL
 * identifiers (tables, columns). A name that could climb a path, end a header, inject SQL,
 * impersonate paw's own tables or hide in look-alike characters must be refused when the file is
 * validated, with the error at the name.
 */
class HostileNamesTest {

  /**
   * A valid connector; each {@code <SLOT>} is replaced by a name, and its line is where the error
   * must be.
   */
  private static final String TEMPLATE =
      """
      name: <CONNECTOR>
      base_url: https://api.example.com
      auth:
        method: api_key
        in: header
        name: <AUTH_HEADER>
        credentials:
          - name: <CREDENTIAL>
        headers:
          <HEADER>: static
      actions:
        - name: <ACTION>
          url: /items
          params:
            <PARAM>: { type: string }
          trust_level: auto
          records: data
      sync:
        table: <TABLE>
        source: <ACTION>
        primary_key: id
        mapping:
          id: { from: id, type: string }
          <COLUMN>: { from: x, type: string }
      """;

  private static final Map<String, String> SAFE = new LinkedHashMap<>();

  static {
    SAFE.put("CONNECTOR", "shop");
    SAFE.put("AUTH_HEADER", "X-Api-Key");
    SAFE.put("CREDENTIAL", "SHOP_KEY");
    SAFE.put("HEADER", "X-Client");
    SAFE.put("ACTION", "list_items");
    SAFE.put("PARAM", "status");
    SAFE.put("TABLE", "items");
    SAFE.put("COLUMN", "label");
  }

  /** Names no slot may hold. */
  private static final List<String> HOSTILE_EVERYWHERE =
      List.of(
          "",
          "../etc",
          "a/b",
          "x y",
          "x\ny",
          "x\r\nX-Injected: 1",
          "x\u0000",
          "x\ty",
          "x\u202eexe",
          "x\u2028y",
          "x\u00a0y");

  /**
   * Names that end a line or hide (controls, bidirectional overrides, zero-width and separator
   * characters): refused even as parameter names, which are otherwise the API's wire names
   * (created[gte], page.size, a b) and encoded.
   */
  private static final List<String> UNSEEN =
      List.of(
          "",
          "x\ny",
          "x\r\nX-Injected: 1",
          "x\u0000",
          "x\ty",
          "x\u0085y",
          "amount\u202e",
          "x\u200by",
          "x\u2028y",
          "x\u2066y",
          "x\ufeffy");

  /**
   * More names that are hostile where the name is an identifier (a file, a scope, SQL, Java, a
   * variable).
   */
  private static final List<String> HOSTILE_IDENTIFIERS =
      List.of(
          "x;DROP TABLE t;--",
          "x\"y",
          "x'y",
          "{x}",
          "%2F",
          "ünïcødé",
          "іtems" /* Cyrillic i */,
          "x.y",
          "x-y",
          "x:y",
          "x@y",
          "x#y",
          "x?y",
          "x=y",
          "x&y",
          "x\\y");

  private static final List<String> IDENTIFIER_SLOTS =
      List.of("CONNECTOR", "CREDENTIAL", "ACTION", "TABLE", "COLUMN");

  static Stream<Arguments> hostileNames() {
    List<Arguments> cases = new ArrayList<>();
    for (String slot : SAFE.keySet()) {
      List<String> names = new ArrayList<>(slot.equals("PARAM") ? UNSEEN : HOSTILE_EVERYWHERE);
      if (IDENTIFIER_SLOTS.contains(slot)) {
        names.addAll(HOSTILE_IDENTIFIERS);
      }
      if (slot.equals("HEADER") || slot.equals("AUTH_HEADER")) {
        names.addAll(List.of("x:y", "x\"y", "x(y)", "ünï", "x,y", "x;y", "x@y", "x/y"));
      }
      if (slot.equals("TABLE") || slot.equals("COLUMN")) {
        names.addAll(
            List.of(
                "_paw_audit",
                "_PAW_sync_state",
                "sqlite_master",
                "SQLITE_sequence",
                "x".repeat(64),
                "1abc"));
      }
      if (slot.equals("CONNECTOR")) {
        names.addAll(List.of("x".repeat(64), "Shop", "1shop", "_shop"));
      }
      for (String name : names) {
        cases.add(Arguments.of(slot, name));
      }
    }
    return cases.stream();
  }

  @Test
  void theTemplateIsValidWithSafeNames() {
    assertThat(load(Map.of()).diagnostics()).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("hostileNames")
  void aHostileNameIsRefusedAtTheName(String slot, String name) {
    ConnectorLoader.Result result = load(Map.of(slot, name));

    assertThat(result.spec()).as("%s", result.diagnostics()).isNull();
    assertThat(result.errors())
        .map(d -> d.location().line())
        .as("%s", result.diagnostics())
        .contains(lineOf(slot));
  }

  @Test
  void parameterNamesAreWireNamesButMayNotHoldControlCharacters() {
    // created[gte] and page.size are real query parameters; the runtime encodes names as it encodes
    // values
    assertThat(load(Map.of("PARAM", "created[gte]")).errors()).isEmpty();
    assertThat(load(Map.of("PARAM", "../a b&c=d")).errors()).isEmpty();
    assertThat(load(Map.of("PARAM", "x\r\nX-Injected: 1")).errors())
        .map(Diagnostic::toString)
        .anyMatch(d -> d.startsWith("shop.yaml:15:"));
  }

  private static ConnectorLoader.Result load(Map<String, String> names) {
    String text = TEMPLATE;
    for (Map.Entry<String, String> slot : SAFE.entrySet()) {
      text =
          text.replace(
              "<" + slot.getKey() + ">",
              quoted(names.getOrDefault(slot.getKey(), slot.getValue())));
    }
    return ConnectorLoader.load(text, "shop.yaml");
  }

  private static int lineOf(String slot) {
    String[] lines = TEMPLATE.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("<" + slot + ">")) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(slot);
  }

  /** {@code name} as a YAML double-quoted scalar, control characters escaped. */
  private static String quoted(String name) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : name.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
