package dev.paw.runtime.internal.pocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.PawHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PocketConnectionsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path home;

  private PocketConnections connections() throws Exception {
    return new PocketConnections(
        new Pockets(PawHome.at(home), Clock.fixed(NOW, ZoneOffset.UTC)).open("Shop"));
  }

  @Test
  void connectRecordsStateTimeAndOverride() throws Exception {
    ConnectionRecord record = connections().connected("github", "https://ghe.example.com/api/v3/");

    assertThat(record.state()).isEqualTo(ConnectionRecord.State.CONNECTED);
    assertThat(record.connectedAt()).isEqualTo(NOW);
    assertThat(record.baseUrlOverride()).isEqualTo("https://ghe.example.com/api/v3");
  }

  @Test
  void aVersion1PocketKeepsItsConnectionsAndGainsAnEmptyPin() throws Exception {
    connections().connected("stripe", null, "{\"origin\":\"compiled\"}");
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                "jdbc:sqlite:" + home.resolve("pockets/shop/pocket.db"));
        java.sql.Statement s = db.createStatement()) {
      s.execute("ALTER TABLE _paw_connections DROP COLUMN pin"); // as paw before pins wrote it
      s.execute("PRAGMA user_version = 1");
    }

    PocketConnections reopened = connections();

    assertThat(reopened.get("stripe").orElseThrow().state())
        .isEqualTo(ConnectionRecord.State.CONNECTED);
    assertThat(reopened.get("stripe").orElseThrow().pin()).isNull();
    reopened.pinned("stripe", "{}");
    reopened.pinned(
        "stripe", "{\"second\":true}"); // pins once: a stored pin is replaced only by connecting
    assertThat(reopened.get("stripe").orElseThrow().pin()).isEqualTo("{}");
  }

  @Test
  void failureThenReconnectClearsTheError() throws Exception {
    PocketConnections connections = connections();
    connections.connected("stripe", null);
    connections.failed("stripe", "401 from api.stripe.com");
    assertThat(connections.get("stripe").orElseThrow().lastError())
        .isEqualTo("401 from api.stripe.com");

    connections.connected("stripe", null);
    assertThat(connections.get("stripe").orElseThrow().lastError()).isNull();
    connections.disconnected("stripe");
    assertThat(connections.get("stripe").orElseThrow().state())
        .isEqualTo(ConnectionRecord.State.DISCONNECTED);
  }

  @Test
  void overridesMustBePlainHttpUrls() throws Exception {
    PocketConnections connections = connections();
    for (String bad :
        new String[] {
          "ftp://x", "https://user:pw@x.com", "https://x.com/?a=1", "not a url", "https://x.com/#f"
        }) {
      assertThatThrownBy(() -> connections.connected("stripe", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("user:pw");
    }
  }

  @Test
  void connectorNamesAreChecked() throws Exception {
    assertThatThrownBy(() -> connections().connected("../x", null))
        .hasMessageContaining("not a connector name");
  }
}
