package dev.paw.spec.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordingTest {

  private static final List<String> ACTION_KEYS =
      List.of(
          "name",
          "description",
          "method",
          "url",
          "params",
          "body",
          "trust_level",
          "content_type",
          "records",
          "pagination");

  @Test
  void aSwapOfTwoLettersIsOneEdit() {
    assertThat(Wording.distance("levle", "level")).isEqualTo(1);
    assertThat(Wording.closest("trust_levle", ACTION_KEYS)).contains("trust_level");
  }

  @Test
  void findsMissingExtraAndWrongLetters() {
    assertThat(Wording.closest("parms", ACTION_KEYS)).contains("params");
    assertThat(Wording.closest("urll", ACTION_KEYS)).contains("url");
    assertThat(Wording.closest("recods", ACTION_KEYS)).contains("records");
  }

  @Test
  void ignoresCaseButSuggestsTheRealSpelling() {
    assertThat(Wording.closest("get", List.of("GET", "POST"))).contains("GET");
    assertThat(Wording.closest("URL", ACTION_KEYS)).contains("url");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(Wording.closest("kerberos", List.of("api_key", "bearer", "basic"))).isEmpty();
    assertThat(Wording.closest("x", List.of())).isEmpty();
  }

  @Test
  void allowsMoreEditsForLongerWords() {
    assertThat(Wording.closest("ab", List.of("abc"))).contains("abc");
    assertThat(Wording.closest("ab", List.of("abcd"))).isEmpty();
    assertThat(Wording.closest("trst_lvel", ACTION_KEYS)).contains("trust_level");
    assertThat(Wording.closest("tst_lvl", ACTION_KEYS)).isEmpty();
  }

  @Test
  void theHintIsAParentheticalOrNothing() {
    assertThat(Wording.didYouMean("methd", ACTION_KEYS)).isEqualTo(" (did you mean 'method'?)");
    assertThat(Wording.didYouMean("zzzzzz", ACTION_KEYS)).isEmpty();
  }

  @Test
  void distancesMatchTheFullTable() {
    String[][] pairs = {
      {"", ""},
      {"", "abc"},
      {"abc", ""},
      {"kitten", "sitting"},
      {"ca", "abc"},
      {"abcd", "badc"},
      {"trust_levle", "trust_level"},
      {"a", "b"},
      {"ab", "ba"},
      {"flaw", "lawn"}
    };
    int[] expected = {0, 3, 3, 3, 3, 2, 1, 1, 1, 2};
    for (int i = 0; i < pairs.length; i++) {
      assertThat(Wording.distance(pairs[i][0], pairs[i][1]))
          .as("%s / %s", pairs[i][0], pairs[i][1])
          .isEqualTo(expected[i]);
    }
  }

  @Test
  void aHugeWordCostsNoMoreThanItsLength() {
    // a hostile file's megabyte key: it is too long to be close to any candidate, so nothing is
    // compared
    String huge = "k".repeat(1_000_000);

    long started = System.nanoTime();
    assertThat(Wording.closest(huge, ACTION_KEYS)).isEmpty();
    assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
  }

  @Test
  void anArrayElementOfTheWrongTypeIsWordedOneWayWhereverItIsFound() {
    assertThat(Wording.notOfItems("integer", null))
        .isEqualTo("holds a value that is not an integer (its items are integers)");
    assertThat(Wording.notOfItems("string", "action 'list_incidents'"))
        .isEqualTo(
            "holds a value that is not a string (its items are strings, as action 'list_incidents' declares"
                + " them)");
  }

  @Test
  void fieldsThatCannotBeReadInOnePassAreWordedAlikeForStreamsAndAnswers() {
    assertThat(Wording.notOnePass("'returns' of action 'get_balance'", "'a.b' reads inside 'a'"))
        .isEqualTo(
            "'returns' of action 'get_balance' cannot read its fields in one pass: 'a.b' reads inside 'a'");
  }
}
