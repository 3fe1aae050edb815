package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When its output is not a terminal, a long {@code paw sync} shows its progress as plain lines
 * (records, pages, rate, elapsed), at most one a second, with no carriage return or escape code.
 */
class ProgressPlainOutputTest {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private ScriptedTerminal paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit = PawCli.run(all, terminal, Map.of("PAW_MASTER_KEY", MASTER_KEY));
    assertThat(exit).as(terminal.printed() + terminal.errors()).isZero();
    return terminal;
  }

  @Test
  void aLongSyncPrintsPlainProgressLinesWithoutEscapeCodes() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request)
              throws InterruptedException {
            Thread.sleep(300); // a slow API: 9 pages take about 3 s
            int page = Integer.parseInt(request.getUrl().queryParameter("page"));
            String data = page > 8 ? "" : "{\"id\":\"a%d\"},{\"id\":\"b%d\"}".formatted(page, page);
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"data\":[" + data + "]}")
                .build();
          }
        });
    Files.createDirectories(home.resolve("connectors"));
    Files.writeString(
        home.resolve("connectors/slow.yaml"),
        """
        name: slow
        base_url: https://api.slow.example/v1
        actions:
          - name: list_things
            url: /things
            trust_level: auto
            params:
              limit: { type: integer, default: 2 }
            pagination: { style: page, param: page, size_param: limit }
        sync:
          table: slow_things
          source: list_things
          mapping:
            id: id
        """);
    paw(
        "connect",
        "slow",
        "--pocket",
        "Shop",
        "--base-url",
        server.url("/v1").toString(),
        "--no-sync");

    ScriptedTerminal slow = paw("sync", "slow", "--pocket", "Shop");

    String out = slow.printed();
    assertThat(out)
        .containsPattern(
            "(?m)^slow_things: \\d+ records, \\d+ pages \\([\\d,]+ records/s, \\d+:\\d\\d:\\d\\d\\)$")
        .containsPattern(
            "(?m)^slow_things: 16 records, 9 pages \\([\\d,]+ records/s, \\d+:\\d\\d:\\d\\d\\), done$")
        .contains("slow_things: 16 records in 9 pages");
    assertThat(out + slow.errors()).doesNotContain("\u001b").doesNotContain("\r");
  }
}
