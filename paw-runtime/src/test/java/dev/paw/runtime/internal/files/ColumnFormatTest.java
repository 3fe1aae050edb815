package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A stored REAL comes back as the decimal text it was read from, and format codes survive the
 * catalog.
 */
class ColumnFormatTest {

  @Test
  void scaledRealsGetTheirTrailingZerosBack() {
    ColumnFormat twoDecimals = ColumnFormat.realScale(2);
    assertThat(twoDecimals.decimal(Double.parseDouble("1.50")).toPlainString()).isEqualTo("1.50");
    assertThat(twoDecimals.decimal(Double.parseDouble("0.10")).toPlainString()).isEqualTo("0.10");
    assertThat(twoDecimals.decimal(Double.parseDouble("0.00")).toPlainString()).isEqualTo("0.00");
    assertThat(twoDecimals.decimal(Double.parseDouble("-99999.99")).toPlainString())
        .isEqualTo("-99999.99");
  }

  @Test
  void shortestRealsAreShortest() {
    ColumnFormat shortest = ColumnFormat.REAL_SHORTEST;
    assertThat(shortest.decimal(0.1).toPlainString()).isEqualTo("0.1");
    assertThat(shortest.decimal(3.0).toPlainString()).isEqualTo("3");
    assertThat(shortest.decimal(100.0).toPlainString()).isEqualTo("100");
    assertThat(shortest.decimal(0.0).toPlainString()).isEqualTo("0");
    assertThat(shortest.decimal(1e-300).toPlainString()).isEqualTo("0." + "0".repeat(299) + "1");
  }

  /**
   * Property: every decimal the classifier lets into a REAL column comes back digit for digit, and
   * the loader's fast parse gives the very double {@code Double.parseDouble} does.
   */
  @Test
  void everyDecimalAcceptedAsRealComesBackExactly() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      String text = randomDecimal(random);
      int shapes = ValueShape.classify(text, ValueKind.PLAIN);
      ColumnFormat format = ColumnFormat.choose(shapes & ~ValueShape.INTEGER, 1);
      if (format.kind() == ColumnFormat.Kind.REAL) {
        assertThat(format.decimal(Double.parseDouble(text)).toPlainString())
            .as(text)
            .isEqualTo(text);
        assertThat(Double.doubleToRawLongBits(Decimals.parse(text)))
            .as("fast parse of " + text)
            .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
      }
    }
  }

  private static String randomDecimal(Random random) {
    StringBuilder text = new StringBuilder();
    if (random.nextBoolean()) {
      text.append('-');
    }
    int intDigits = 1 + random.nextInt(16);
    text.append(random.nextInt(10) == 0 ? "0" : String.valueOf(1 + random.nextInt(9)));
    if (text.charAt(text.length() - 1) != '0') {
      for (int d = 1; d < intDigits; d++) {
        text.append(random.nextInt(10));
      }
    }
    if (random.nextInt(4) > 0) {
      text.append('.');
      int fraction = 1 + random.nextInt(17);
      for (int d = 0; d < fraction; d++) {
        text.append(random.nextInt(10));
      }
    }
    return text.toString();
  }

  @Test
  void codesSurviveTheCatalog() {
    for (ColumnFormat format :
        new ColumnFormat[] {
          ColumnFormat.INTEGER,
          ColumnFormat.REAL_SHORTEST,
          ColumnFormat.realScale(3),
          ColumnFormat.bool("TRUE", "FALSE"),
          ColumnFormat.DATE,
          ColumnFormat.DATETIME,
          ColumnFormat.TEXT
        }) {
      assertThat(ColumnFormat.parse(format.code())).isEqualTo(format);
    }
    assertThat(ColumnFormat.realScale(2).code()).isEqualTo("real:2");
    assertThat(ColumnFormat.bool("True", "False").code()).isEqualTo("boolean:True/False");
  }
}
