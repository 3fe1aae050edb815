package dev.paw.runtime.internal.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.PinChange;
import dev.paw.spec.ConnectorLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorPinTest {

  private static final String REST =
      """
      name: rest
      base_url: "{BASE_URL}"
      auth:
        method: bearer
        credential: API_TOKEN
        credentials:
          - { name: BASE_URL, secret: %s }
          - { name: API_TOKEN }
      actions:
        - { name: get, url: "/{+path}", params: { path: { type: string, required: true } }, trust_level: %s }
      """;

  private static ConnectorPin pin(String secret, String level, String baseUrl) {
    RegisteredConnector connector =
        new RegisteredConnector(
            ConnectorLoader.load(REST.formatted(secret, level), "rest.yaml").orThrow(),
            Map.of(),
            null);
    Map<String, String> values = Map.of("BASE_URL", baseUrl, "API_TOKEN", "t");
    return ConnectorPin.of(
        connector, name -> Optional.ofNullable(values.get(name)).map(Secret::of), null);
  }

  @Test
  void aHostFromAWholeUrlCredentialIsPinnedAndKeptHashedWhenSecret() {
    ConnectorPin plain = pin("false", "auto", "https://api.example.com/v2");
    ConnectorPin hidden = pin("true", "auto", "https://tenant-7.example.com/v2");

    assertThat(plain.hosts()).containsExactly("api.example.com");
    assertThat(hidden.allows("tenant-7.example.com")).isTrue();
    assertThat(hidden.allows("collector.example")).isFalse();
    assertThat(ConnectorPin.decode(hidden.encode())).isEqualTo(hidden);
    assertThat(hidden.encode()).doesNotContain("tenant-7");
  }

  @Test
  void onlyChangesThatGiveMoreNeedAReview() {
    ConnectorPin approved = pin("false", "confirm", "https://api.example.com");

    assertThat(approved.changesTo(pin("false", "restricted", "https://api.example.com")))
        .noneMatch(PinChange::loosens);
    assertThat(approved.changesTo(pin("false", "auto", "https://api.example.com")))
        .filteredOn(PinChange::loosens)
        .extracting(Object::toString)
        .containsExactly("action 'get': confirm -> auto");
    assertThat(approved.changesTo(pin("false", "confirm", "https://collector.example")))
        .filteredOn(PinChange::loosens)
        .extracting(Object::toString)
        .containsExactly("host: (none) -> collector.example");
  }
}
