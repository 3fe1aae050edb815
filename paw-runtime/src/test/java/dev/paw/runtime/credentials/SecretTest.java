package dev.paw.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.internal.credentials.Redactor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void printingNeverShowsTheValue() {
    Secret secret = Secret.of("sk_live_abcdef");

    assertThat(secret.toString()).doesNotContain("sk_live").contains(Redactor.MASK);
    assertThat(String.valueOf(List.of(secret))).doesNotContain("sk_live");
    assertThat(String.valueOf(Map.of("k", secret))).doesNotContain("sk_live");
    assertThat(secret.reveal()).isEqualTo("sk_live_abcdef");
  }

  @Test
  void equalsIsIdentitySoItCannotBeUsedToProbeValues() {
    Secret a = Secret.of("same");
    Secret b = Secret.of("same");

    assertThat(a).isNotEqualTo(b);
    assertThat(a.sameValueAs(b)).isTrue();
    assertThat(a.sameValueAs(Secret.of("other"))).isFalse();
  }

  @Test
  void emptySecretsAreRefused() {
    assertThatThrownBy(() -> Secret.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a secret cannot be empty");
  }
}
