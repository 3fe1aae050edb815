package dev.paw.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  private static final List<String> ACTION_KEYS = List.of("name", "description", "method", "url", "params", "body",
      "trust_level", "content_type", "records", "pagination");

  @Test
  void aSwapOfTwoLettersIsOneEdit() {
    assertThat(DidYouMean.distance("levle", "level")).isEqualTo(1);
    assertThat(DidYouMean.closest("trust_levle", ACTION_KEYS)).contains("trust_level");
  }

  @Test
  void findsMissingExtraAndWrongLetters() {
    assertThat(DidYouMean.closest("parms", ACTION_KEYS)).contains("params");
    assertThat(DidYouMean.closest("urll", ACTION_KEYS)).contains("url");
    assertThat(DidYouMean.closest("recods", ACTION_KEYS)).contains("records");
  }

  @Test
  void ignoresCaseButSuggestsTheRealSpelling() {
    assertThat(DidYouMean.closest("get", List.of("GET", "POST"))).contains("GET");
    assertThat(DidYouMean.closest("URL", ACTION_KEYS)).contains("url");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(DidYouMean.closest("kerberos", List.of("api_key", "bearer", "basic"))).isEmpty();
    assertThat(DidYouMean.closest("x", List.of())).isEmpty();
  }

  @Test
  void allowsMoreEditsForLongerWords() {
    assertThat(DidYouMean.closest("ab", List.of("abc"))).contains("abc");
    assertThat(DidYouMean.closest("ab", List.of("abcd"))).isEmpty();
    assertThat(DidYouMean.closest("trst_lvel", ACTION_KEYS)).contains("trust_level");
    assertThat(DidYouMean.closest("tst_lvl", ACTION_KEYS)).isEmpty();
  }

  @Test
  void theHintIsAParentheticalOrNothing() {
    assertThat(DidYouMean.hint("methd", ACTION_KEYS)).isEqualTo(" (did you mean 'method'?)");
    assertThat(DidYouMean.hint("zzzzzz", ACTION_KEYS)).isEmpty();
  }

  @Test
  void distancesMatchTheFullTable() {
    String[][] pairs = {{"", ""}, {"", "abc"}, {"abc", ""}, {"kitten", "sitting"}, {"ca", "abc"}, {"abcd", "badc"},
        {"trust_levle", "trust_level"}, {"a", "b"}, {"ab", "ba"}, {"flaw", "lawn"}};
    int[] expected = {0, 3, 3, 3, 3, 2, 1, 1, 1, 2};
    for (int i = 0; i < pairs.length; i++) {
      assertThat(DidYouMean.distance(pairs[i][0], pairs[i][1])).as("%s / %s", pairs[i][0], pairs[i][1])
          .isEqualTo(expected[i]);
    }
  }

  @Test
  void aHugeWordCostsNoMoreThanItsLength() {
    // a hostile file's megabyte key: it is too long to be close to any candidate, so nothing is compared
    String huge = "k".repeat(1_000_000);

    long started = System.nanoTime();
    assertThat(DidYouMean.closest(huge, ACTION_KEYS)).isEmpty();
    assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
  }
}
