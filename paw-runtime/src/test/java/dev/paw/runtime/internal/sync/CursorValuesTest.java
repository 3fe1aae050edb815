package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The run maximum after a page, found on the values as read, is the one folding {@code max} over
 * each encoding finds.
 */
class CursorValuesTest {

  /**
   * How the engine found it before: encode every value and keep the greater stored text, the
   * earlier on ties.
   */
  private static String foldEncoded(String start, List<?> values) {
    String max = start;
    for (Object value : values) {
      max = CursorValues.max(max, CursorValues.encode(value));
    }
    return max;
  }

  private static String perPage(String start, List<?> values) {
    return CursorValues.maxOf(start, values);
  }

  @Test
  void numbersCompareAsNumbersAndTheFirstOfEqualsIsKept() {
    List<Object> values = Arrays.asList(9L, null, 10L, 10.0, 2.5);
    assertThat(perPage(null, values)).isEqualTo("10").isEqualTo(foldEncoded(null, values));
    assertThat(perPage("11", values)).isEqualTo("11");
    assertThat(perPage("10.0", values)).isEqualTo("10.0").isEqualTo(foldEncoded("10.0", values));
    assertThat(perPage("123456789012345678901234", values)).isEqualTo("123456789012345678901234");
    assertThat(perPage("-123456789012345678901234", values)).isEqualTo("10");
  }

  @Test
  void textComparesAsTextAndTimestampsOrder() {
    List<Object> values =
        List.of("2024-01-02T00:00:00Z", "2024-01-10T00:00:00Z", "2024-01-03T00:00:00Z");
    assertThat(perPage("\"2024-01-05T00:00:00Z\"", values)).isEqualTo("\"2024-01-10T00:00:00Z\"");
  }

  @Test
  void aPageWithoutCursorsKeepsTheRunMaximum() {
    assertThat(perPage("5", Arrays.asList(null, null))).isEqualTo("5");
    assertThat(perPage(null, List.of())).isNull();
  }

  @Test
  void agreesWithTheEncodedFoldOnMixedValues() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(6); i++) {
        values.add(
            switch (random.nextInt(6)) {
              case 0 -> null;
              case 1 -> (long) random.nextInt(20) - 5;
              case 2 -> random.nextInt(40) / 4.0 - 2;
              case 3 -> String.valueOf(random.nextInt(30));
              case 4 -> random.nextBoolean();
              default -> "t" + random.nextInt(9);
            });
      }
      String start =
          random.nextBoolean()
              ? null
              : CursorValues.encode(values.get(0) == null ? 3L : values.get(0));
      assertThat(perPage(start, values))
          .as("%s from %s", values, start)
          .isEqualTo(foldEncoded(start, values));
    }
  }
}
