package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlTemplateTest {

  @Test
  void splitsLiteralTextFromPlaceholders() {
    UrlTemplate template = parse("https://api.example.com/repos/{owner}/{repo}/issues");

    assertThat(template.parts())
        .containsExactly(
            new UrlTemplate.Part("https://api.example.com/repos/", false, false),
            new UrlTemplate.Part("owner", true, false),
            new UrlTemplate.Part("/", false, false),
            new UrlTemplate.Part("repo", true, false),
            new UrlTemplate.Part("/issues", false, false));
    assertThat(template.text()).isEqualTo("https://api.example.com/repos/{owner}/{repo}/issues");
  }

  @Test
  void listsPlaceholdersInOrderWithRepeats() {
    assertThat(parse("/a/{x}/{y}/{x}").placeholders()).containsExactly("x", "y", "x");
    assertThat(parse("https://api.example.com/items").placeholders()).isEmpty();
  }

  @Test
  void reservedExpansionIsMarkedAndNamedWithoutThePlus() {
    UrlTemplate template = parse("{BASE_URL}/files/{+path}");

    assertThat(template.placeholders()).containsExactly("BASE_URL", "path");
    assertThat(template.parts().get(2)).isEqualTo(new UrlTemplate.Part("path", true, true));
    assertThat(template.parts().get(0).reserved()).isFalse();
  }

  @Test
  void hostPlaceholdersAreThoseBeforeThePath() {
    assertThat(parse("https://{SUBDOMAIN}.example.com/items/{id}").hostPlaceholders())
        .containsExactly("SUBDOMAIN");
    assertThat(parse("https://{HOST}:{PORT}/api/{id}").hostPlaceholders())
        .containsExactly("HOST", "PORT");
    assertThat(parse("{SERVICE_BASE_URL}/api/items/{id}").hostPlaceholders())
        .containsExactly("SERVICE_BASE_URL");
    assertThat(parse("{SCHEME}://{HOST}/x").hostPlaceholders()).containsExactly("SCHEME", "HOST");
    assertThat(parse("https://api.example.com/{a}/{b}").hostPlaceholders()).isEmpty();
    assertThat(parse("/v1/{id}").hostPlaceholders()).isEmpty();
  }

  @Test
  void absoluteMeansASchemeOrALeadingPlaceholder() {
    assertThat(parse("https://api.example.com/items").isAbsolute()).isTrue();
    assertThat(parse("{BASE_URL}/items").isAbsolute()).isTrue();
    assertThat(parse("/v1/items").isAbsolute()).isFalse();
    assertThat(parse("items/{id}").isAbsolute()).isFalse();
  }

  @Test
  void reportsTheFirstMalformedBrace() {
    assertThat(UrlTemplate.parse("https://x/{id").error())
        .isEqualTo("unclosed '{' at character 11");
    assertThat(UrlTemplate.parse("https://x/id}").error())
        .isEqualTo("unmatched '}' at character 13");
    assertThat(UrlTemplate.parse("https://x/{user-id}").error())
        .isEqualTo("'{user-id}' is not a placeholder: names are letters, digits and '_'");
    assertThat(UrlTemplate.parse("/{}").error())
        .isEqualTo("'{}' is not a placeholder: names are letters, digits and '_'");
    assertThat(UrlTemplate.parse("/{+}").error())
        .isEqualTo("'{+}' is not a placeholder: names are letters, digits and '_'");
    assertThat(UrlTemplate.parse("/{1st}").error()).contains("'{1st}' is not a placeholder");
    assertThat(UrlTemplate.parse("/{a}").error()).isNull();
  }

  @Test
  void aMalformedTemplateHasNoTemplate() {
    assertThat(UrlTemplate.parse("/{a").template()).isNull();
  }

  private static UrlTemplate parse(String text) {
    UrlTemplate.Result result = UrlTemplate.parse(text);
    assertThat(result.error()).isNull();
    return result.template();
  }
}
