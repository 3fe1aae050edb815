package dev.paw.runtime.internal.pocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PocketSlugTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "My Business|my-business",
        "my business!|my-business",
        "  --Hello__World--  |hello-world",
        "Q3 2026 / Sales|q3-2026-sales",
        "../../etc/passwd|etc-passwd",
        "Café Crème|caf-cr-me",
        "a.b.c|a-b-c",
        "ABC|abc"
      })
  void slugIsLowerCaseWithRunsOfOtherCharactersAsOneDash(String name, String slug) {
    assertThat(PocketSlug.of(name)).isEqualTo(slug);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "---", "!!!", "..", "/", "日本語"})
  void namesWithoutLettersOrDigitsAreRefused(String name) {
    assertThatThrownBy(() -> PocketSlug.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no letter or digit");
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 500})
  void overlongSlugsAreRefused(int length) {
    assertThatThrownBy(() -> PocketSlug.of("a".repeat(length))).hasMessageContaining("too long");
  }
}
