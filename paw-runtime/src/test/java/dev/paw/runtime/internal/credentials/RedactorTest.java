package dev.paw.runtime.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.credentials.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "PASSWORD",
        "db_password",
        "passwd",
        "access_token",
        "accessToken",
        "refresh_token",
        "client_secret",
        "clientSecret",
        "api_key",
        "apiKey",
        "X-Api-Key",
        "x-apikey",
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "private_key",
        "secret",
        "token",
        "key",
        "session_id",
        "credentials"
      })
  void secretLookingNamesAreSecret(String name) {
    assertThat(Redactor.isSecretName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "limit",
        "customer",
        "author",
        "passenger",
        "monkey",
        "keyboard",
        "next_page_token",
        "pageToken",
        "starting_after",
        "email",
        "description",
        "idempotency_key",
        "status"
      })
  void ordinaryNamesAreNot(String name) {
    assertThat(Redactor.isSecretName(name)).isFalse();
  }

  @Test
  void credentialValuesAreMaskedWhereverTheyAppearAlsoPercentEncoded() {
    Redactor redactor = Redactor.of(List.of(Secret.of("sk_test_123/+="), Secret.of("hunter22")));

    assertThat(
            redactor.redact("key sk_test_123/+= failed; url ?k=sk_test_123%2F%2B%3D; pw hunter22"))
        .isEqualTo("key [redacted] failed; url ?k=[redacted]; pw [redacted]");
  }

  @Test
  void credentialValuesAreMaskedJsonEscapedBase64AndBase64Url() {
    String secret = "p\"w/\\ä?>";
    Redactor redactor = Redactor.of(List.of(Secret.of(secret)));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);

    assertThat(redactor.redact("json \"p\\\"w/\\\\ä?>\"")).isEqualTo("json \"[redacted]\"");
    assertThat(redactor.redact("json p\\\"w\\/\\\\\\u00E4?>")).isEqualTo("json [redacted]");
    assertThat(redactor.redact("b64 " + Base64.getEncoder().encodeToString(bytes)))
        .isEqualTo("b64 [redacted]");
    assertThat(
            redactor.redact(
                "b64url " + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
        .isEqualTo("b64url [redacted]");
  }

  @Test
  void shortCredentialValuesAreNotMaskedInTheirEncodings() {
    Redactor redactor = Redactor.of(List.of(Secret.of("42")));

    assertThat(redactor.redact("NDI= is base64 of a short value"))
        .isEqualTo("NDI= is base64 of a short value");
  }

  @Test
  void shortCredentialValuesAreMaskedOnlyAsWholeValues() {
    Redactor redactor = Redactor.of(List.of(Secret.of("42")));

    assertThat(redactor.redact("42")).isEqualTo(Redactor.MASK);
    assertThat(redactor.redact("page 420")).isEqualTo("page 420");
  }

  @Test
  void parametersAreMaskedByNameAndByValueAtEveryDepth() {
    Redactor redactor = Redactor.of(List.of(Secret.of("tok_abcdef")));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("client_secret", "xyz");
    nested.put("note", "uses tok_abcdef");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("limit", 10L);
    params.put("password", "hunter2");
    params.put("data", nested);
    params.put("tags", List.of("a", "tok_abcdef"));

    assertThat(redactor.redactParams(params))
        .isEqualTo(
            Map.of(
                "limit",
                10L,
                "password",
                Redactor.MASK,
                "data",
                Map.of("client_secret", Redactor.MASK, "note", "uses [redacted]"),
                "tags",
                List.of("a", Redactor.MASK)));
  }
}
