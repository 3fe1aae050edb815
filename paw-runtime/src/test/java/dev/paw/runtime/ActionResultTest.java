package dev.paw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActionResultTest {

  @Test
  void decimalsKeepTheirExactDigits() {
    ActionResult result =
        new ActionResult(
            "a",
            200,
            "application/json",
            "{\"price\": 39.90, \"big\": 12345678901234567890.10, \"n\": 7}"
                .getBytes(StandardCharsets.UTF_8),
            Duration.ZERO);

    assertThat(result.json().get("price").asText()).isEqualTo("39.90");
    assertThat(result.json().get("big").decimalValue()).hasToString("12345678901234567890.10");
    assertThat(result.json().get("n").asLong()).isEqualTo(7);
  }
}
