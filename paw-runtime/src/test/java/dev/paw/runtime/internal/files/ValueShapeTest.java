package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which stored forms a single value survives: the rules that keep every imported value exact. */
class ValueShapeTest {

  private static ColumnFormat formatOf(String value) {
    return ColumnFormat.choose(ValueShape.classify(value, ValueKind.PLAIN), 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "7", "-12", "9223372036854775807", "-9223372036854775808"})
  void canonicalIntegersAreIntegers(String value) {
    assertThat(formatOf(value)).isEqualTo(ColumnFormat.INTEGER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "007",
        "+1",
        "-0",
        "00",
        "9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        " 1",
        "1 ",
        "1,000",
        "0x10",
        "1_000"
      })
  void integersThatWouldChangeStayText(String value) {
    assertThat(formatOf(value)).isEqualTo(ColumnFormat.TEXT);
  }

  @Test
  void decimalsKeepTheirScale() {
    assertThat(formatOf("1.50")).isEqualTo(ColumnFormat.realScale(2));
    assertThat(formatOf("0.10")).isEqualTo(ColumnFormat.realScale(2));
    assertThat(formatOf("-3.0")).isEqualTo(ColumnFormat.realScale(1));
    assertThat(ValueShape.classify("1.5", ValueKind.PLAIN) & ValueShape.REAL_SHORTEST).isNotZero();
    assertThat(ValueShape.classify("1.50", ValueKind.PLAIN) & ValueShape.REAL_SHORTEST)
        .as("1.50 read back shortest would be 1.5")
        .isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e3",
        "1E3",
        "NaN",
        "Infinity",
        "-Infinity",
        ".5",
        "5.",
        "1.2.3",
        "-0.0",
        "-0.00",
        "0.1234567890123456",
        "1234567890123456.5",
        "١٢٣"
      })
  void numbersThatWouldChangeStayText(String value) {
    assertThat(formatOf(value)).isEqualTo(ColumnFormat.TEXT);
  }

  @Test
  void fifteenSignificantDigitsIsTheMostARealHolds() {
    assertThat(formatOf("12345678901234.5")).isEqualTo(ColumnFormat.realScale(1));
    assertThat(formatOf("123456789012345.6")).isEqualTo(ColumnFormat.TEXT);
    assertThat(formatOf("0.000000000000001")).isEqualTo(ColumnFormat.realScale(15));
  }

  @Test
  void booleansNeedOneSpellingPerColumn() {
    assertThat(formatOf("true")).isEqualTo(ColumnFormat.bool("true", "false"));
    assertThat(formatOf("FALSE")).isEqualTo(ColumnFormat.bool("TRUE", "FALSE"));
    assertThat(formatOf("True")).isEqualTo(ColumnFormat.bool("True", "False"));
    int mixed =
        ValueShape.classify("true", ValueKind.PLAIN)
            & ValueShape.classify("FALSE", ValueKind.PLAIN);
    assertThat(ColumnFormat.choose(mixed, 2)).isEqualTo(ColumnFormat.TEXT);
    assertThat(formatOf("tRUE")).isEqualTo(ColumnFormat.TEXT);
    assertThat(formatOf("yes")).isEqualTo(ColumnFormat.TEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"})
  void validIsoDatesAreDates(String value) {
    assertThat(formatOf(value)).isEqualTo(ColumnFormat.DATE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29",
        "1900-02-29",
        "2024-13-01",
        "2024-04-31",
        "2024-1-05",
        "24-01-05",
        "2024/01/05",
        "0000-01-01",
        "2024-01-05x"
      })
  void invalidDatesStayText(String value) {
    assertThat(formatOf(value)).isEqualTo(ColumnFormat.TEXT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-29T13:45",
        "2024-02-29 13:45:59",
        "2024-02-29T13:45:59.123",
        "2024-02-29T13:45:59Z",
        "2024-02-29T13:45:59.123456789+05:30",
        "2024-02-29T00:00:00-08:00"
      })
  void isoDateTimesAreDateTimes(String value) {
    assertThat(formatOf(value)).isEqualTo(ColumnFormat.DATETIME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-29T24:00",
        "2024-02-29T13:60",
        "2024-02-29T13:45:61",
        "2024-02-29T13:45Z+",
        "2024-02-29t13:45",
        "2024-02-29T13:45:59.",
        "2024-02-29T1:45"
      })
  void invalidDateTimesStayText(String value) {
    assertThat(formatOf(value)).isEqualTo(ColumnFormat.TEXT);
  }

  @Test
  void theEmptyStringIsText() {
    assertThat(ValueShape.classify("", ValueKind.PLAIN)).isEqualTo(ValueShape.TEXT);
  }

  @Test
  void typedStringsStayTextOrDates() {
    assertThat(ColumnFormat.choose(ValueShape.classify("123", ValueKind.STRING), 1))
        .isEqualTo(ColumnFormat.TEXT);
    assertThat(ColumnFormat.choose(ValueShape.classify("true", ValueKind.STRING), 1))
        .isEqualTo(ColumnFormat.TEXT);
    assertThat(ColumnFormat.choose(ValueShape.classify("2024-01-05", ValueKind.STRING), 1))
        .isEqualTo(ColumnFormat.DATE);
  }

  @Test
  void aColumnTakesTheBestShapeAllItsValuesShare() {
    assertThat(choose("1", "2", "3")).isEqualTo(ColumnFormat.INTEGER);
    assertThat(choose("1", "2.5", "3")).isEqualTo(ColumnFormat.REAL_SHORTEST);
    assertThat(choose("1.25", "2.50")).isEqualTo(ColumnFormat.realScale(2));
    assertThat(choose("1.50", "2.5"))
        .as("no one scale and no shortest form fits both")
        .isEqualTo(ColumnFormat.TEXT);
    assertThat(choose("1", "007")).isEqualTo(ColumnFormat.TEXT);
    assertThat(choose("2024-01-05", "2024-01-05T10:00")).isEqualTo(ColumnFormat.TEXT);
    assertThat(ColumnFormat.choose(ValueShape.ANY, 0))
        .as("no values at all")
        .isEqualTo(ColumnFormat.TEXT);
  }

  private static ColumnFormat choose(String... values) {
    int shapes = ValueShape.ANY;
    for (String value : values) {
      shapes &= ValueShape.classify(value, ValueKind.PLAIN);
    }
    return ColumnFormat.choose(shapes, values.length);
  }
}
