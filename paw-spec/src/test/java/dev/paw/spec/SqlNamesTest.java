package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"stripe_invoices", "id", "_private", "Amount2", "order", "select"})
  void acceptsLettersDigitsAndUnderscores(String name) {
    assertThat(SqlNames.problem(name)).isNull();
  }

  @Test
  void acceptsUpTo63Characters() {
    assertThat(SqlNames.problem("a".repeat(63))).isNull();
    assertThat(SqlNames.problem("a".repeat(64))).startsWith("is not a safe SQL identifier");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"stripe-invoices", "unit price", "2nd", "", "a;drop table x", "na\"me", "café"})
  void rejectsAnythingElse(String name) {
    assertThat(SqlNames.problem(name))
        .isEqualTo(
            "is not a safe SQL identifier (letters, digits and '_', not starting"
                + " with a digit, at most 63 characters)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"_paw_sync_state", "_PAW_audit", "sqlite_master", "SQLITE_sequence"})
  void reservesPawAndSqliteNamesWhateverTheirCase(String name) {
    assertThat(SqlNames.problem(name)).startsWith("is reserved");
  }

  @Test
  void quotesNamesSoKeywordsAreSafe() {
    assertThat(SqlNames.quote("order")).isEqualTo("\"order\"");
    assertThat(SqlNames.quote("a\"b")).isEqualTo("\"a\"\"b\"");
  }
}
