package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathTest {

  @Test
  void splitsAtDots() {
    assertThat(FieldPath.parse("service.summary"))
        .contains(java.util.List.of("service", "summary"));
    assertThat(FieldPath.parse("id")).contains(java.util.List.of("id"));
  }

  @Test
  void anEscapedDotIsPartOfTheName() {
    assertThat(FieldPath.parse("@odata\\.nextLink")).contains(java.util.List.of("@odata.nextLink"));
    assertThat(FieldPath.parse("meta.a\\.b.c")).contains(java.util.List.of("meta", "a.b", "c"));
  }

  @Test
  void aBackslashNotBeforeADotIsKept() {
    assertThat(FieldPath.parse("a\\b")).contains(java.util.List.of("a\\b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "a..b", ".a", "a.", "a\\..."})
  void rejectsEmptyFieldNames(String path) {
    assertThat(FieldPath.parse(path)).isEmpty();
    assertThat(FieldPath.problem(path))
        .isEqualTo(
            path.isEmpty()
                ? "is empty"
                : "has an empty field name (a dot at"
                    + " the start or end, or two dots in a row; write a dot inside a name as \\.)");
  }

  @Test
  void explainsWhatIsWrong() {
    assertThat(FieldPath.problem("")).isEqualTo("is empty");
    assertThat(FieldPath.problem("a..b")).startsWith("has an empty field name");
    assertThat(FieldPath.problem("a.b")).isNull();
  }

  @Test
  void segmentsOfAMalformedPathThrowNamingIt() {
    assertThat(FieldPath.segments("a.b")).containsExactly("a", "b");
    assertThatThrownBy(() -> FieldPath.segments("a..b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a field path: 'a..b'");
  }
}
