package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.SqlNames;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header text and file names become safe, unique SQL identifiers. */
class SafeNamesTest {

  @Test
  void headersBecomeLowerCaseIdentifiers() {
    assertThat(
            SafeNames.columns(
                List.of("Customer Name", "Unit Price ($)", "e-mail", "Straße", "Café")))
        .containsExactly("customer_name", "unit_price", "e_mail", "strasse", "cafe");
  }

  @Test
  void duplicatesAreNumberedIgnoringCase() {
    assertThat(SafeNames.columns(List.of("Name", "name", "NAME", "name_2")))
        .containsExactly("name", "name_2", "name_3", "name_2_2");
  }

  @Test
  void blankAndUnusableHeadersTakeTheirPosition() {
    assertThat(SafeNames.columns(Arrays.asList("", null, "$$$", "ok")))
        .containsExactly("col_1", "col_2", "col_3", "ok");
  }

  @Test
  void reservedAndDigitLeadingNamesArePrefixed() {
    assertThat(
            SafeNames.columns(
                List.of("2024 Sales", "_paw_secret", "sqlite_master", "rowid", "oid")))
        .containsExactly(
            "col_2024_sales", "paw_secret", "col_sqlite_master", "col_rowid", "col_oid");
  }

  @Test
  void everyNameIsSafe() {
    String longHeader = "A very long header ".repeat(10);
    for (String name :
        SafeNames.columns(List.of(longHeader, longHeader, "日本語", "select", "order"))) {
      assertThat(SqlNames.problem(name)).as(name).isNull();
    }
  }

  @Test
  void tablesAreNamedAfterTheirFile() {
    assertThat(SafeNames.tableFor("Sales Q1 2024.csv")).isEqualTo("sales_q1_2024");
    assertThat(SafeNames.tableFor("2024.xlsx")).isEqualTo("col_2024");
    assertThat(SafeNames.tableFor("...csv")).isEqualTo("imported");
  }
}
