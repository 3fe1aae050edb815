package dev.paw.runtime.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.ConnectorProtocol.ConnectionResult;
import dev.paw.runtime.Paw;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.pocket.PocketConnections;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect()} checks the credentials with the connector's health probe: a key the service
 * refuses fails the connection with the service's 401 reason (the key never shown), an accepted one
 * says so, and the result says why when nothing could be checked.
 */
class ConnectCredentialCheckTest {

  private static final String KEY = "sk_test_wrong_4c1a";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private Paw paw;
  private Pocket pocket;

  @BeforeEach
  void setUp() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(
        connectors.resolve("shop.yaml"),
        """
        name: shop
        base_url: https://api.shop.example/v1
        auth:
          method: api_key
          in: header
          name: X-Api-Key
          credentials:
            - { name: SHOP_KEY, required: true }
        actions:
          - name: list_orders
            url: /orders
            trust_level: auto
        """);
    Files.writeString(
        connectors.resolve("inbox.yaml"),
        """
        name: inbox
        base_url: https://api.inbox.example
        auth:
          method: api_key
          in: header
          name: X-Api-Key
          credentials:
            - { name: INBOX_KEY, required: true }
        actions:
          - name: send_message
            method: POST
            url: /messages
            body:
              text: { type: string, required: true }
            trust_level: confirm
        """);
    InMemoryCredentialStore store = new InMemoryCredentialStore();
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(store)
            .connectorFolders(List.of(connectors))
            .build();
    pocket = paw.pocket("My Business");
    paw.credentials(pocket, "shop").put("SHOP_KEY", Secret.of(KEY));
    paw.credentials(pocket, "inbox").put("INBOX_KEY", Secret.of(KEY));
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  @Test
  void aKeyTheServiceRefusesFailsTheConnectionWithTheServicesReason() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(401).body("{\"error\": \"invalid api key\"}").build());
    ConnectorProtocol shop = paw.connector(pocket, "shop");

    assertThatThrownBy(() -> shop.connect(base()).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ActionFailedException.class)
        .hasMessageContaining("refused the credentials of connector 'shop' (HTTP 401)")
        .hasMessageContaining("invalid api key")
        .satisfies(e -> assertThat(((ActionFailedException) e).status()).isEqualTo(401))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));

    RecordedRequest probe = server.takeRequest();
    assertThat(probe.getTarget()).isEqualTo("/v1/orders");
    assertThat(new PocketConnections(pocket).get("shop").orElseThrow().state())
        .isNotEqualTo(ConnectionRecord.State.CONNECTED);
    AuditEntry connect =
        paw.audit(pocket).read(AuditQuery.recent().kind(AuditKind.CONNECT).limit(1)).get(0);
    assertThat(connect.outcome()).isEqualTo(AuditOutcome.ERROR);
  }

  @Test
  void anAcceptedKeyIsSaidToBeChecked() {
    server.enqueue(new MockResponse.Builder().body("[]").build());

    ConnectionResult result =
        paw.connector(pocket, "shop").connect(base()).toCompletableFuture().join();

    assertThat(result.credentialsChecked()).isTrue();
    assertThat(result.credentialCheck())
        .isEqualTo("credentials accepted: 'list_orders' answered 200");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theResultSaysWhyNothingWasChecked() {
    ConnectionResult off =
        paw.connector(pocket, "shop")
            .connect(base().withoutCredentialCheck())
            .toCompletableFuture()
            .join();
    ConnectionResult noProbe =
        paw.connector(pocket, "inbox").connect(base()).toCompletableFuture().join();

    assertThat(server.getRequestCount()).as("nothing was sent").isZero();
    assertThat(off.credentialsChecked()).isFalse();
    assertThat(off.credentialCheck()).contains("the check was turned off");
    assertThat(noProbe.credentialsChecked()).isFalse();
    assertThat(noProbe.credentialCheck())
        .isEqualTo(
            "credentials not checked: no action can be called without parameters to check them");
  }

  private ConnectOptions base() {
    return ConnectOptions.baseUrl(server.url("/v1").toString());
  }
}
