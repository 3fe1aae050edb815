package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw actions} shows a connector file's rate limits, the action's own and the connection's.
 */
class ActionsRateLimitTest {

  @TempDir Path home;

  private ScriptedTerminal paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    assertThat(PawCli.run(all, terminal, Map.of())).as(terminal.errors()).isZero();
    return terminal;
  }

  @Test
  void showsTheRateLimitsInTheTableAndInJson() throws Exception {
    Files.createDirectories(home.resolve("connectors"));
    Files.writeString(
        home.resolve("connectors/tickets.yaml"),
        """
        name: tickets
        base_url: https://api.tickets.example/v2
        rate_limit: { requests: 100, per: 1m }
        actions:
          - name: list_tickets
            trust_level: auto
            url: /tickets
          - name: search_tickets
            trust_level: auto
            url: /search
            rate_limit: { requests: 10, per: 1h }
        """);

    String table = paw("actions", "tickets").printed();
    JsonNode json = new ObjectMapper().readTree(paw("actions", "tickets", "--json").printed());

    assertThat(table)
        .containsPattern(
            "(?m)^ACTION\\s+METHOD\\s+TRUST\\s+PARAMETERS\\s+RATE LIMIT\\s+DESCRIPTION$")
        .containsPattern("(?m)^list_tickets\\s+GET\\s+auto\\s+connection 100/1m\\s+-$")
        .containsPattern("(?m)^search_tickets\\s+GET\\s+auto\\s+10/1h, connection 100/1m\\s+-$");
    assertThat(json.get(1).get("rate_limit").toString())
        .isEqualTo("{\"requests\":10,\"per\":\"1h\"}");
    assertThat(json.get(0).get("rate_limit").isNull()).isTrue();
    assertThat(json.get(0).get("connection_rate_limit").toString())
        .isEqualTo("{\"requests\":100,\"per\":\"1m\"}");
    assertThat(paw("actions", "stripe").printed())
        .as("no column when the file sets no limit")
        .doesNotContain("RATE LIMIT");
  }
}
