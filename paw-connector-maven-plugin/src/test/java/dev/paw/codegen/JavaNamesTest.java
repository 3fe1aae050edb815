package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {

  @ParameterizedTest
  @CsvSource({
    "list_invoices, listInvoices",
    "'statuses[]', statuses",
    "'$top', top",
    "'created[gte]', createdGte",
    "FirstName, firstName",
    "filterByFormula, filterByFormula",
    "SF_INSTANCE_URL, sfInstanceUrl",
    "HTTPServer, httpServer",
    "default, default_",
    "class, class_",
    "2fa, _2fa",
    "'[]', value",
    "hashCode, hashCode_",
    "toMap, toMap_",
  })
  void memberNamesAreReadableAndLegal(String wire, String java) {
    assertThat(JavaNames.memberName(wire)).isEqualTo(java);
  }

  @ParameterizedTest
  @CsvSource({
    "stripe, Stripe",
    "google_drive, GoogleDrive",
    "ms_teams_data, MsTeamsData",
    "stripe_invoices, StripeInvoices",
  })
  void typeNames(String wire, String java) {
    assertThat(JavaNames.typeName(wire)).isEqualTo(java);
  }

  @ParameterizedTest
  @CsvSource({
    "requested_by_customer, REQUESTED_BY_CUSTOMER",
    "in_progress, IN_PROGRESS",
    "1, VALUE_1",
    "-1, MINUS_1",
    "'', EMPTY",
    "'created_at:desc', CREATED_AT_DESC",
    "public, PUBLIC",
  })
  void constantNames(String wire, String java) {
    assertThat(JavaNames.constantName(wire)).isEqualTo(java);
  }
}
