package dev.paw.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ColumnType;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * An action's {@code returns}: the declared fields of its answer, in the form of a stream's
 * mapping.
 */
class ReturnsReaderTest {

  private static ConnectorLoader.Result load(String returns) {
    return ConnectorLoader.load(
        """
        name: accounts
        base_url: https://api.example.com
        actions:
          - name: get_balance
            url: /balance
            trust_level: auto
        """
            + returns,
        "accounts.yaml");
  }

  @Test
  void readsFieldsInFileOrderWithTheirPathsAndTypes() {
    ActionSpec action =
        load("""
            returns:
              available: { from: available.amount, type: integer }
              currency: currency
              livemode:
        """)
            .orThrow()
            .action("get_balance")
            .orElseThrow();

    assertThat(action.returns())
        .extracting(ColumnSpec::name, ColumnSpec::from, ColumnSpec::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "available", "available.amount", ColumnType.INTEGER),
            org.assertj.core.groups.Tuple.tuple("currency", "currency", ColumnType.ANY),
            org.assertj.core.groups.Tuple.tuple("livemode", "livemode", ColumnType.ANY));
  }

  @Test
  void anActionWithoutReturnsDeclaresNoFields() {
    assertThat(load("").orThrow().action("get_balance").orElseThrow().returns()).isEmpty();
  }

  @Test
  void fieldsThatCannotBeReadInOnePassAreErrors() {
    assertThat(
            load("""
            returns:
              available: { type: json }
              amount: { from: available.amount, type: integer }
        """)
                .errors())
        .map(Diagnostic::toString)
        .singleElement()
        .asString()
        .contains("'returns' of action 'get_balance'")
        .contains("'available.amount' reads inside 'available', which is also read whole");
  }

  @Test
  void aMistypedFieldTypeIsAnError() {
    assertThat(
            load("""
            returns:
              available: { type: integr }
        """)
                .errors())
        .map(Diagnostic::toString)
        .singleElement()
        .asString()
        .contains("unknown column type 'integr'");
  }
}
