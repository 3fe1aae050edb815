package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw connect rest_generic --endpoint ...}: an endpoint described on the command line is
 * checked like a connector file (a mistake names its option and nothing is sent), synced at once,
 * and stored, so a later {@code paw sync} reads it again.
 */
class EndpointCliTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  private final Map<String, String> env =
      new HashMap<>(Map.of("PAW_MASTER_KEY", "cli test master key 1234"));

  private int paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit = PawCli.run(all, terminal, env);
    out.append(terminal.printed());
    err.append(terminal.errors());
    return exit;
  }

  private int connect(String writeMode) {
    return paw(
        "connect",
        "rest_generic",
        "--pocket",
        "Api",
        "--credential",
        "BASE_URL=" + server.url("/api").toString(),
        "--credential",
        "API_TOKEN=token-1",
        "--endpoint",
        "url=/items",
        "--endpoint",
        "table=items",
        "--endpoint",
        "records=data.items",
        "--endpoint",
        "write_mode=" + writeMode);
  }

  private void answer(String items) {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"data\": {\"items\": [" + items + "]}}")
            .build());
  }

  @Test
  void aBadOptionNamesItAndSendsNothing() {
    assertThat(connect("upsert")).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString())
        .contains("endpoint option 'write_mode': unknown write_mode 'upsert'")
        .contains("merge, replace, append");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theEndpointSyncsAndIsStored() throws Exception {
    String two =
        "{\"id\": 1, \"name\": \"bolt\", \"qty\": 10}, {\"id\": 2, \"name\": \"nut\", \"qty\": 0}";
    answer(two); // the first page, read for the columns
    answer(two); // the first sync
    assertThat(connect("replace")).as("%s%s", out, err).isZero();
    assertThat(out.toString()).contains("tables: items");
    RecordedRequest probe = server.takeRequest();
    assertThat(probe.getUrl().encodedPath()).isEqualTo("/api/items");
    assertThat(probe.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    server.takeRequest();

    answer("{\"id\": 2, \"name\": \"nut\", \"qty\": 5}");
    assertThat(paw("sync", "rest_generic", "--pocket", "Api")).as("%s", err).isZero();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/items");
    assertThat(
            paw(
                "run",
                "csv",
                "query_table",
                "--pocket",
                "Api",
                "-p",
                "query=SELECT id, name, qty FROM items"))
        .as("%s", err)
        .isZero();
    assertThat(out.toString()).contains("nut").doesNotContain("bolt");
  }
}
