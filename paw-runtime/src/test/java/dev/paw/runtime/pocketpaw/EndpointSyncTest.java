package dev.paw.runtime.pocketpaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.ConnectorProtocol.TableSchema;
import dev.paw.runtime.Paw;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.JsonServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rest_generic syncs any REST endpoint, described at connect time: against json-server (a
 * third-party REST server from npm, on 127.0.0.1), whose records are added, changed and deleted
 * between syncs; after each sync the table equals what the server lists, value for value. A bad
 * option is refused with the compiler's message, naming the option.
 */
class EndpointSyncTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path serverDir;
  private static JsonServer server;

  @TempDir Path dir;

  private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
  private Paw paw;

  @BeforeAll
  static void startServer() throws Exception {
    Path db = serverDir.resolve("db.json");
    Files.writeString(
        db,
        """
        {"users": [
          {"id": 1, "name": "Ada \\"the first\\"", "score": 9.5, "active": true,
           "address": {"city": "London", "zip": null}, "tags": ["math", "engines"]},
          {"id": 2, "name": "Bob\\nNewline", "score": 3, "active": false, "address": null, "tags": []},
          {"id": 3, "name": "Cy", "score": 1.25, "active": true,
           "address": {"city": "Paris"}, "tags": ["x"]},
          {"id": 4, "name": "Dee", "score": 0, "active": false,
           "address": {"city": "Rome"}, "tags": []},
          {"id": 5, "name": "Eve", "score": 7, "active": true,
           "address": {"city": "Oslo"}, "tags": ["y", "z"]}
        ]}
        """);
    server = JsonServer.start(db);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void tearDown() {
    if (paw != null) {
      paw.close();
    }
  }

  private ConnectorProtocol restGeneric() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Path file = connectors.resolve("rest_generic.yaml");
    if (!Files.exists(file)) {
      Files.copy(
          Path.of(
              System.getProperty("paw.repositoryRoot", ".."), "connectors", "rest_generic.yaml"),
          file);
    }
    paw = TestPaws.open(dir.resolve("home"), credentials, connectors);
    Pocket pocket = paw.pocket("Api");
    paw.credentials(pocket, "rest_generic").put("BASE_URL", Secret.of(server.baseUrl()));
    // json-server ignores the token; the connector sends it as a bearer token
    paw.credentials(pocket, "rest_generic").put("API_TOKEN", Secret.of("token-not-checked"));
    return paw.connector(pocket, "rest_generic");
  }

  private static ConnectOptions users() {
    return ConnectOptions.DEFAULTS
        .withEndpoint("url", "/users")
        .withEndpoint("table", "users")
        .withEndpoint("pagination", "page")
        .withEndpoint("pagination.param", "_page")
        .withEndpoint("pagination.size_param", "_limit")
        .withEndpoint("pagination.size", "2")
        .withEndpoint("primary_key", "id")
        .withEndpoint("write_mode", "replace");
  }

  @Test
  void theTableEqualsTheServerAfterEachSyncAsRecordsAreAddedChangedAndDeleted() throws Exception {
    ConnectorProtocol api = restGeneric();
    api.connect(users()).toCompletableFuture().join();
    TableSchema schema = api.schema().get(0);
    assertThat(schema.table()).isEqualTo("users");
    assertThat(schema.columns())
        .extracting(c -> c.name() + ":" + c.sqlType())
        .containsExactly(
            "id:INTEGER", "name:TEXT", "score:REAL", "active:INTEGER", "address:TEXT", "tags:TEXT");
    assertThat(schema.primaryKey()).containsExactly("id");

    api.sync("users").toCompletableFuture().join();
    assertTableEqualsServer(api, schema);

    server.post(
        "/users",
        "{\"id\": 6, \"name\": \"Fay 'quoted'\", \"score\": 2.5, \"active\": true,"
            + " \"address\": {\"city\": \"Lima\"}, \"tags\": []}");
    server.patch("/users/3", "{\"name\": \"Cy (renamed)\", \"score\": 4, \"address\": null}");
    server.delete("/users/2");
    server.delete("/users/5");
    api.sync("users").toCompletableFuture().join();
    assertTableEqualsServer(api, schema);

    // a new runtime syncs the stored endpoint without being told again
    paw.close();
    paw = null;
    ConnectorProtocol again = restGeneric();
    server.post(
        "/users",
        "{\"id\": 7, \"name\": \"Gus\", \"score\": 1, \"active\": false, \"address\": null,"
            + " \"tags\": [\"new\"]}");
    server.delete("/users/1");
    again.syncAll().toCompletableFuture().join();
    assertTableEqualsServer(again, schema);
  }

  private static void assertTableEqualsServer(ConnectorProtocol api, TableSchema schema)
      throws Exception {
    List<Map<String, Object>> expected = new ArrayList<>();
    for (JsonNode record : JSON.readTree(server.get("/users"))) {
      Map<String, Object> row = new TreeMap<>();
      for (TableSchema.Column column : schema.columns()) {
        JsonNode value = record.get(column.from());
        Object stored;
        if (value == null || value.isNull()) {
          stored = null;
        } else if (value.isBoolean()) {
          stored = value.booleanValue() ? 1L : 0L;
        } else if (column.sqlType().equals("INTEGER")) {
          stored = value.longValue();
        } else if (column.sqlType().equals("REAL")) {
          stored = value.doubleValue();
        } else if (value.isContainerNode()) {
          stored = value;
        } else {
          stored = value.asText();
        }
        row.put(column.name(), stored);
      }
      expected.add(row);
    }
    List<Map<String, Object>> actual =
        api.rows(
            "users",
            r -> {
              Map<String, Object> row = new TreeMap<>();
              for (int i = 0; i < schema.columns().size(); i++) {
                TableSchema.Column column = schema.columns().get(i);
                Object value = r.getAny(i + 1);
                if (value instanceof String text
                    && (column.name().equals("address") || column.name().equals("tags"))) {
                  try {
                    value = JSON.readTree(text);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                }
                row.put(column.name(), value);
              }
              return row;
            });
    assertThat(actual).as("the users table against json-server").isEqualTo(expected);
  }

  @Test
  void aBadOptionIsRefusedWithTheCompilersMessageNamingTheOption() throws Exception {
    ConnectorProtocol api = restGeneric();
    assertThatThrownBy(
            () ->
                api.connect(users().withEndpoint("pagination", "pages"))
                    .toCompletableFuture()
                    .join())
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("endpoint option 'pagination': ")
        .hasMessageContaining("did you mean 'page'?");
    assertThatThrownBy(
            () ->
                api.connect(users().withEndpoint("write_mode", "upsert"))
                    .toCompletableFuture()
                    .join())
        .rootCause()
        .hasMessageStartingWith("endpoint option 'write_mode': ");
    assertThatThrownBy(
            () ->
                api.connect(users().withEndpoint("pagnation.size", "2"))
                    .toCompletableFuture()
                    .join())
        .rootCause()
        .hasMessageContaining("unknown endpoint option 'pagnation.size'")
        .hasMessageContaining("did you mean 'pagination.size'?");
    assertThatThrownBy(
            () ->
                api.connect(users().withEndpoint("primary_key", "uid"))
                    .toCompletableFuture()
                    .join())
        .rootCause()
        .hasMessageStartingWith("endpoint option 'primary_key': ")
        .hasMessageContaining("uid");
    assertThatThrownBy(
            () ->
                api.connect(users().withEndpoint("url", "http://me:hunter2@127.0.0.1/users"))
                    .toCompletableFuture()
                    .join())
        .rootCause()
        .hasMessageStartingWith("endpoint option 'url' must not hold a user name or password")
        .message()
        .doesNotContain("hunter2");
    assertThat(api.spec().streams()).as("nothing was stored").isEmpty();
  }
}
