package dev.paw.runtime.pocketpaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.adapter.SyncParams;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.SharedConnectors;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.StreamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PocketPaw streams that still cannot run say exactly what to add to the file, at its line:col:
 * Teams' messages stream could read two actions, Slack's search answer keeps its records below the
 * top level.
 */
@EnabledIf(value = SharedConnectors.PRESENT, disabledReason = SharedConnectors.MISSING)
class StreamsThatCannotRunTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private Paw paw;

  @AfterEach
  void tearDown() {
    if (paw != null) {
      paw.close();
    }
  }

  private ConnectorProtocol connector(String file, String name, String credential)
      throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.copy(SharedConnectors.directory().resolve(file), connectors.resolve(file));
    paw = TestPaws.open(dir.resolve("home"), new InMemoryCredentialStore(), connectors);
    Pocket pocket = paw.pocket("Chat");
    paw.credentials(pocket, name).put(credential, Secret.of("token-1"));
    return paw.connector(pocket, name);
  }

  @Test
  void validationSaysWhatToAddAtTheStreamsLineAndColumn() {
    Path shared = SharedConnectors.directory();
    assertThat(warnings(shared.resolve("airtable.yaml")))
        .contains(
            "airtable.yaml:100:10: warning: sync stream 'airtable_records' maps no columns, so it"
                + " syncs nothing: add a line `column: field.path` under mapping for each field of"
                + " a record to keep (for example `id: id`), or let paw connect infer them from the"
                + " first page of 'list_records' (paw connect airtable --param base_id=... --param"
                + " table_id=...)");
    assertThat(warnings(shared.resolve("ms_teams_data.yaml")))
        .anyMatch(
            w ->
                w.startsWith("ms_teams_data.yaml:93:10: warning: sync stream 'teams_messages'")
                    && w.endsWith("and name its source (one of channel_messages, chat_messages)"));
  }

  private static List<String> warnings(Path file) {
    return ConnectorLoader.load(file, file.getFileName().toString()).warnings().stream()
        .map(Object::toString)
        .toList();
  }

  @Test
  void teamsSaysWhichSourceToName() throws Exception {
    ConnectorProtocol teams = connector("ms_teams_data.yaml", "ms_teams_data", "MS_ACCESS_TOKEN");
    StreamSpec stream = teams.spec().stream("teams_messages").orElseThrow();
    assertThat(SyncParams.whyNotRunnable(teams.spec(), stream))
        .endsWith(
            "ms_teams_data.yaml:93:10) does not say which action feeds it: add `source: <action>`"
                + " to it (one of channel_messages, chat_messages); its columns are then inferred"
                + " from the first page, or add a line `column: field.path` under its mapping for"
                + " each field to keep");
  }

  @Test
  void slackSaysWhereToReadTheRecordsAndStoresNothing() throws Exception {
    ConnectorProtocol slack = connector("slack_data.yaml", "slack_data", "SLACK_BOT_TOKEN");
    StreamSpec stream = slack.spec().stream("slack_messages").orElseThrow();
    assertThat(SyncParams.whyNotRunnable(slack.spec(), stream))
        .contains("slack_data.yaml:89:10) reads 'search_messages', which needs 'query'")
        .contains("connect with --param query=...");
    // Slack's documented search.messages answer: the matches are inside 'messages'
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                """
                {"ok": true, "query": "deploy",
                 "messages": {"total": 1,
                   "matches": [{"type": "message", "user": "U2U85N1RV", "username": "ada",
                     "ts": "1508795665.000236", "text": "deploy done",
                     "channel": {"id": "C7EHX5PN6", "name": "ops"},
                     "permalink": "https://acme.slack.com/archives/C7EHX5PN6/p1508795665000236"}],
                   "paging": {"count": 20, "total": 1, "page": 1, "pages": 1}}}""")
            .build());
    assertThatThrownBy(
            () ->
                slack
                    .connect(
                        new ConnectOptions(server.url("/").toString(), Map.of("query", "deploy"))
                            .withoutCredentialCheck())
                    .toCompletableFuture()
                    .join())
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slack_data.yaml:89:10) reads 'search_messages'")
        .hasMessageEndingWith(
            "its first page has no list of records at the top level (say where they are with"
                + " records: field.path)");
    assertThat(server.takeRequest().getUrl().queryParameter("query")).isEqualTo("deploy");
    assertThat(slack.spec().stream("slack_messages").orElseThrow().isRunnable()).isFalse();
  }
}
