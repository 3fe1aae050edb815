package dev.paw.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.TrustLevel;
import dev.paw.spec.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * YAML merge keys ({@code <<: *base}) let actions share settings, as YAML 1.1 readers (and
 * PocketPaw's) allow.
 */
class YamlMergeKeyTest {

  @Test
  void anActionInheritsTheSettingsOfAnAnchoredOne() {
    ConnectorSpec spec =
        load(
            """
        name: shop
        actions:
          - &list
            name: list_items
            url: https://api.example.com/items
            trust_level: auto
            params:
              limit: { type: integer, default: 25 }
          - <<: *list
            name: list_orders
            url: https://api.example.com/orders
        """);

    ActionSpec orders = spec.action("list_orders").orElseThrow();
    assertThat(orders.url()).isEqualTo("https://api.example.com/orders");
    assertThat(orders.trustLevel()).isEqualTo(TrustLevel.AUTO);
    assertThat(orders.params()).extracting(ParamSpec::name).containsExactly("limit");
    assertThat(orders.param("limit").orElseThrow().defaultValue()).isEqualTo(25L);
    assertThat(spec.action("list_items").orElseThrow().url())
        .isEqualTo("https://api.example.com/items");
  }

  @Test
  void theMappingsOwnKeysWinWhereverTheMergeKeyIs() {
    ConnectorSpec spec =
        load(
            """
        name: shop
        actions:
          - &base
            name: base_action
            url: https://api.example.com/base
            trust_level: auto
          - name: mine
            trust_level: confirm
            <<: *base
        """);

    ActionSpec mine = spec.action("mine").orElseThrow();
    assertThat(mine.trustLevel()).isEqualTo(TrustLevel.CONFIRM);
    assertThat(mine.url()).isEqualTo("https://api.example.com/base");
  }

  @Test
  void ofSeveralMergedMappingsTheFirstWins() {
    ConnectorSpec spec =
        load(
            """
        name: shop
        actions:
          - &first
            name: first
            url: https://api.example.com/first
            trust_level: auto
          - &second
            name: second
            url: https://api.example.com/second
            trust_level: restricted
            description: from the second
          - <<: [*first, *second]
            name: merged
        """);

    ActionSpec merged = spec.action("merged").orElseThrow();
    assertThat(merged.url()).isEqualTo("https://api.example.com/first");
    assertThat(merged.trustLevel()).isEqualTo(TrustLevel.AUTO);
    assertThat(merged.description()).isEqualTo("from the second");
  }

  @Test
  void mergingParamsDefinitionsWorksAtAnyLevel() {
    ConnectorSpec spec =
        load(
            """
        name: shop
        actions:
          - name: list_items
            url: https://api.example.com/items
            trust_level: auto
            params: &paging
              limit: { type: integer, default: 50 }
              cursor: { type: string }
          - name: list_orders
            url: https://api.example.com/orders
            trust_level: auto
            params:
              <<: *paging
              status: { type: string, enum: [open, closed] }
        """);

    assertThat(spec.action("list_orders").orElseThrow().params())
        .extracting(ParamSpec::name)
        .containsExactly("limit", "cursor", "status");
  }

  @Test
  void aMergeKeyThatNamesNoMappingIsAnError() {
    ConnectorLoader.Result result =
        ConnectorLoader.load(
            """
        name: shop
        actions:
          - <<: [1, 2]
            name: list_items
            url: https://api.example.com/items
        """,
            "merge.yaml");

    assertThat(result.errors())
        .map(Diagnostic::toString)
        .containsExactly(
            "merge.yaml:3:10: a merge key ('<<') must name a mapping, not the integer 1",
            "merge.yaml:3:13: a merge key ('<<') must name a mapping, not the integer 2");
  }

  @Test
  void aKeyWrittenTwiceIsStillADuplicateWhenAMergeKeyIsPresent() {
    ConnectorLoader.Result result =
        ConnectorLoader.load(
            """
        name: shop
        actions:
          - &base
            name: base_action
            url: https://api.example.com/base
          - <<: *base
            name: one
            name: two
        """,
            "merge.yaml");

    assertThat(result.errors())
        .map(Diagnostic::toString)
        .containsExactly(
            "merge.yaml:8:5: duplicate key 'name' in action #2 (first written at line 7)");
  }

  private static ConnectorSpec load(String yaml) {
    ConnectorLoader.Result result = ConnectorLoader.load(yaml, "merge.yaml");
    assertThat(result.diagnostics()).map(Diagnostic::toString).isEmpty();
    return result.spec();
  }
}
