package dev.paw.runtime.pocketpaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.SharedConnectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect-time sync parameters: what PocketPaw's files leave to the user (Confluence's {@code
 * spaceKey}) is given to {@code connect}, checked against the declared type and enum, stored with
 * the connection, and makes the stream run, in this runtime and the next.
 */
class ConnectParamsTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
  private Paw paw;

  @AfterEach
  void tearDown() {
    if (paw != null) {
      paw.close();
    }
  }

  private Paw open(Path connectors) {
    return TestPaws.open(dir.resolve("home"), credentials, connectors);
  }

  private ConnectorProtocol confluence() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Path file = connectors.resolve("confluence.yaml");
    if (!Files.exists(file)) {
      Files.copy(SharedConnectors.directory().resolve("confluence.yaml"), file);
    }
    paw = open(connectors);
    Pocket pocket = paw.pocket("Wiki");
    var store = paw.credentials(pocket, "confluence");
    store.put("CONFLUENCE_BASE_URL", Secret.of("https://wiki.example"));
    store.put("CONFLUENCE_EMAIL", Secret.of("me@example.com"));
    store.put("CONFLUENCE_API_TOKEN", Secret.of("token-1"));
    return paw.connector(pocket, "confluence");
  }

  private void answerPages() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                """
                {"results": [
                  {"id": "101", "type": "page", "title": "Runbook",
                   "space": {"key": "TEAM"}, "version": {"number": 3, "when": "2026-03-01T10:00:00Z"},
                   "_links": {"webui": "/spaces/TEAM/pages/101"}},
                  {"id": "102", "type": "page", "title": "On-call \\"rota\\"",
                   "space": {"key": "TEAM"}, "version": {"number": 1, "when": "2026-03-02T09:30:00Z"},
                   "_links": {"webui": "/spaces/TEAM/pages/102"}}],
                 "start": 0, "limit": 25, "size": 2, "_links": {"base": "https://wiki.example"}}""")
            .build());
  }

  @Test
  void aRequiredParameterGivenAtConnectTimeMakesTheStreamRunAndIsStored() throws Exception {
    ConnectorProtocol confluence = confluence();
    assertThat(confluence.spec().stream("confluence_pages").orElseThrow().isRunnable())
        .as("without spaceKey the stream cannot run")
        .isFalse();
    confluence
        .connect(
            new ConnectOptions(server.url("/").toString(), Map.of())
                .withParam("spaceKey", "TEAM")
                .withoutCredentialCheck())
        .toCompletableFuture()
        .join();
    answerPages();
    List<SyncResult> results = confluence.syncAll().toCompletableFuture().join();
    assertThat(results).extracting(SyncResult::table).containsExactly("confluence_pages");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/rest/api/content");
    assertThat(request.getUrl().queryParameter("spaceKey")).isEqualTo("TEAM");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("25");
    assertThat(
            confluence.rows(
                "confluence_pages",
                r -> r.getString(1) + "|" + r.getString(2) + "|" + r.getAny(3) + "|" + r.getAny(5)))
        .containsExactly("101|Runbook|TEAM|3", "102|On-call \"rota\"|TEAM|1");

    // a new runtime reads the stored parameter: the next sync asks for the same space
    paw.close();
    paw = null;
    ConnectorProtocol again = confluence();
    answerPages();
    again.sync("confluence_pages").toCompletableFuture().join();
    assertThat(server.takeRequest().getUrl().queryParameter("spaceKey")).isEqualTo("TEAM");
  }

  @Test
  void aParameterOfTheWrongTypeOrUnknownIsRefusedNamingItAndNothingIsStored() throws Exception {
    ConnectorProtocol confluence = confluence();
    assertThatThrownBy(
            () ->
                confluence
                    .connect(ConnectOptions.DEFAULTS.withParam("limit", "ten"))
                    .toCompletableFuture()
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .rootCause()
        .hasMessage("parameter 'limit' must be an integer, not 'ten'");
    assertThatThrownBy(
            () ->
                confluence
                    .connect(ConnectOptions.DEFAULTS.withParam("spacekey", "TEAM"))
                    .toCompletableFuture()
                    .join())
        .rootCause()
        .hasMessage(
            "connector 'confluence' has no sync parameter 'spacekey' (its sync streams take:"
                + " spaceKey, limit)");
    assertThat(confluence.spec().stream("confluence_pages").orElseThrow().isRunnable()).isFalse();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anEnumParameterTakesOnlyItsValuesAndTextBecomesTheDeclaredType() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(
        connectors.resolve("tickets.yaml"),
        """
        name: tickets
        auth:
          method: none
        actions:
          - name: list_tickets
            url: https://tickets.example/api/tickets
            params:
              status: { type: string, required: true, enum: [open, closed] }
              per_page: { type: integer, default: 10 }
            trust_level: auto
        sync:
          table: tickets_tickets
          mapping:
            id: id
            status: status
        """);
    paw = open(connectors);
    ConnectorProtocol tickets = paw.connector(paw.pocket("Desk"), "tickets");
    assertThatThrownBy(
            () ->
                tickets
                    .connect(ConnectOptions.DEFAULTS.withParam("status", "pending"))
                    .toCompletableFuture()
                    .join())
        .rootCause()
        .hasMessage("parameter 'status' must be one of open, closed, not 'pending'");
    tickets
        .connect(
            new ConnectOptions(
                    server.url("/").toString(), Map.of("status", "open", "per_page", "2"))
                .withoutCredentialCheck())
        .toCompletableFuture()
        .join();
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("[{\"id\": 7, \"status\": \"open\"}]")
            .build());
    tickets.sync("tickets_tickets").toCompletableFuture().join();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().queryParameter("status")).isEqualTo("open");
    assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("2");
    assertThat(tickets.rows("tickets_tickets", r -> r.getAny(1) + ":" + r.getString(2)))
        .containsExactly("7:open");
  }
}
