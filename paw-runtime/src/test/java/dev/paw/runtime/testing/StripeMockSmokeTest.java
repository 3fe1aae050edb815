package dev.paw.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mock starts on loopback, and seeded customers come back from its list endpoint. */
class StripeMockSmokeTest {

  @Test
  void startsOnLoopbackAndServesWhatWasSeeded() throws Exception {
    try (StripeMock mock = StripeMock.start()) {
      assertThat(mock.apiBase()).startsWith("http://127.0.0.1:");
      assertThat(mock.seedCustomers(3)).hasSize(3).allMatch(id -> id.startsWith("cus_"));
      assertThat(mock.get("/v1/customers?limit=10")).contains("user2@example.com");
    }
  }
}
