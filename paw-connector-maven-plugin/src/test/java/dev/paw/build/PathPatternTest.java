package dev.paw.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathPatternTest {

  @Test
  void doubleStarSlashMatchesAnyDepthIncludingNone() {
    PathPattern yaml = PathPattern.compile("**/*.yaml");
    assertThat(yaml.matches("stripe.yaml")).isTrue();
    assertThat(yaml.matches("billing/stripe.yaml")).isTrue();
    assertThat(yaml.matches("a/b/c/stripe.yaml")).isTrue();
    assertThat(yaml.matches("stripe.yml")).isFalse();
    assertThat(yaml.matches("stripe.yaml.bak")).isFalse();
  }

  @Test
  void singleStarStaysWithinOneDirectory() {
    PathPattern top = PathPattern.compile("*.yaml");
    assertThat(top.matches("stripe.yaml")).isTrue();
    assertThat(top.matches("billing/stripe.yaml")).isFalse();
    assertThat(PathPattern.compile("billing/*.yaml").matches("billing/x/stripe.yaml")).isFalse();
  }

  @Test
  void trailingDoubleStarAndTrailingSlashMatchEverythingBelow() {
    for (String pattern : new String[] {"drafts/**", "drafts/"}) {
      PathPattern drafts = PathPattern.compile(pattern);
      assertThat(drafts.matches("drafts/a.yaml")).as(pattern).isTrue();
      assertThat(drafts.matches("drafts/old/b.yaml")).as(pattern).isTrue();
      assertThat(drafts.matches("other/drafts.yaml")).as(pattern).isFalse();
      assertThat(drafts.matches("drafts.yaml")).as(pattern).isFalse();
    }
  }

  @Test
  void questionMarkIsOneCharacterOfASegment() {
    PathPattern one = PathPattern.compile("?.yaml");
    assertThat(one.matches("a.yaml")).isTrue();
    assertThat(one.matches("ab.yaml")).isFalse();
    assertThat(PathPattern.compile("a?b").matches("a/b")).isFalse();
  }

  @Test
  void everythingElseIsLiteral() {
    assertThat(PathPattern.compile("a+b.yaml").matches("a+b.yaml")).isTrue();
    assertThat(PathPattern.compile("a+b.yaml").matches("aab.yaml")).isFalse();
    assertThat(PathPattern.compile("a.yaml").matches("aXyaml")).isFalse();
    assertThat(PathPattern.compile("(x)[y].yaml").matches("(x)[y].yaml")).isTrue();
  }

  @Test
  void backslashesAndLeadingDotSlashAreNormalized() {
    assertThat(PathPattern.compile("drafts\\*.yaml").matches("drafts/a.yaml")).isTrue();
    assertThat(PathPattern.compile("./*.yaml").matches("a.yaml")).isTrue();
  }

  @Test
  void emptyPatternIsRefused() {
    assertThatThrownBy(() -> PathPattern.compile(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be empty");
  }
}
