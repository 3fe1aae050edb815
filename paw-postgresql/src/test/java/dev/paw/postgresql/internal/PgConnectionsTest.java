package dev.paw.postgresql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.credentials.Secret;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The credentials of PocketPaw's postgresql file are checked before anything is sent: a host that
 * would smuggle a driver option into the URL, a port that is not one, an unknown PG_SSL, each
 * refused with a message naming the credential and never its value or the password.
 */
class PgConnectionsTest {

  private static final String PASSWORD = "pw-canary-5e8d";

  private final Map<String, Secret> values = new HashMap<>();

  private PgConnections connections() {
    CredentialStore store =
        new CredentialStore() {
          @Override
          public Optional<Secret> get(CredentialScope scope, String name) {
            return Optional.ofNullable(values.get(name));
          }

          @Override
          public void put(CredentialScope scope, String name, Secret value) {
            values.put(name, value);
          }

          @Override
          public boolean delete(CredentialScope scope, String name) {
            return values.remove(name) != null;
          }

          @Override
          public void deleteAll(CredentialScope scope) {
            values.clear();
          }

          @Override
          public Set<String> names(CredentialScope scope) {
            return values.keySet();
          }
        };
    put("PG_HOST", "127.0.0.1");
    put("PG_DATABASE", "shop");
    put("PG_USER", "reader");
    put("PG_PASSWORD", PASSWORD);
    return new PgConnections(store.scoped(null)); // this store keeps one scope's values
  }

  private void put(String name, String value) {
    values.putIfAbsent(name, Secret.of(value));
  }

  @Test
  void aHostCannotAddADriverOption() {
    values.put("PG_HOST", Secret.of("127.0.0.1:5432/shop?socketFactory=evil.Factory&x="));
    assertThatThrownBy(() -> connections().open())
        .hasMessage(
            "PG_HOST must be a host name or an IP address (IPv6 in brackets), without port or path")
        .hasMessageNotContaining("evil")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void aPortIsANumberInRange() {
    values.put("PG_PORT", Secret.of("70000"));
    assertThatThrownBy(() -> connections().open())
        .hasMessage("PG_PORT must be a port number (1 to 65535)");
    values.put("PG_PORT", Secret.of("5432?ssl=false"));
    assertThatThrownBy(() -> connections().open())
        .hasMessage("PG_PORT must be a port number (1 to 65535)");
  }

  @Test
  void pgSslTakesTrueFalseOrAnSslMode() {
    values.put("PG_SSL", Secret.of("maybe"));
    assertThatThrownBy(() -> connections().open())
        .hasMessageStartingWith("PG_SSL must be true or false")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void identifiersAreQuotedWithTheirQuotesDoubled() {
    assertThat(Catalog.quote("we\"ird; DROP TABLE x")).isEqualTo("\"we\"\"ird; DROP TABLE x\"");
  }
}
