package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a real pseudo-terminal (tmux), the packaged paw.jar shows a live progress bar per table: for a
 * sync, while it runs (records, pages, rate); for a file import, with the percentage of the file
 * and megabytes read. What tmux shows is the rendered screen, so raw escape codes would show as
 * text there.
 */
class ProgressBarTerminalIT {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  @TempDir Path files;

  private final String socket = "paw-progress-it-" + ProcessHandle.current().pid();

  @AfterEach
  void killTmux() throws Exception {
    run("tmux", "-L", socket, "kill-server");
  }

  private void inTerminal(String pawArguments) throws Exception {
    String command =
        "env PAW_MASTER_KEY="
            + MASTER_KEY
            + " java -jar "
            + System.getProperty("paw.jar")
            + " --home "
            + home
            + " "
            + pawArguments
            + "; echo EXIT=$?; sleep 60";
    assertThat(
            run(
                "tmux",
                "-L",
                socket,
                "new-session",
                "-d",
                "-s",
                "paw",
                "-x",
                "150",
                "-y",
                "40",
                command))
        .as("tmux must be installed (.ci/run installs it)")
        .isZero();
  }

  @Test
  void aSyncShowsALiveBarWhileItRuns() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request)
              throws InterruptedException {
            Thread.sleep(400); // a slow API: 16 pages take about 6 s
            int page = Integer.parseInt(request.getUrl().queryParameter("page"));
            String data =
                page > 15 ? "" : "{\"id\":\"a%d\"},{\"id\":\"b%d\"}".formatted(page, page);
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
    ScriptedTerminal connected = new ScriptedTerminal(false);
    assertThat(
            PawCli.run(
                new String[] {
                  "--home",
                  home.toString(),
                  "connect",
                  "slow",
                  "--pocket",
                  "Shop",
                  "--base-url",
                  server.url("/v1").toString(),
                  "--no-sync"
                },
                connected,
                Map.of("PAW_MASTER_KEY", MASTER_KEY)))
        .as(connected.errors())
        .isZero();

    inTerminal("sync slow --pocket Shop");

    // While it runs: the bar, its count of records and pages, and its rate.
    String live = waitFor(s -> s.contains("slow_things") && s.contains("pages"), "a live bar");
    assertThat(live).doesNotContain("EXIT=");
    assertThat(live)
        .containsPattern("slow_things .*\\[.*\\] +\\d+/\\? records .*records/s \\d+ pages");
    String done = waitFor(s -> s.contains("EXIT="), "the end");
    assertThat(done)
        .contains("EXIT=0")
        .containsPattern("slow_things .*30/\\? records .* 16 pages")
        .contains("slow_things: 30 records in 16 pages")
        .doesNotContain("\u001b")
        .doesNotContain("[2K");
  }

  @Test
  void aFileImportShowsThePercentageOfTheFile() throws Exception {
    Path file = files.resolve("sales.csv");
    try (Writer csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      csv.write("id,amount,city\n");
      for (int i = 0; i < 200_000; i++) {
        csv.write(i + "," + (i * 7 % 1000) + ".5,city" + (i % 50) + "\n");
      }
    }

    inTerminal("run csv import_file --pocket Books --yes -p file_path=" + file);

    String done = waitFor(s -> s.contains("EXIT="), "the end");
    assertThat(done)
        .contains("EXIT=0")
        .containsPattern("sales +100% \\[=+\\] +\\d+/\\d+ MB .* 200,000 records")
        .doesNotContain("\u001b");
  }

  private interface ScreenTest {
    boolean test(String screen);
  }

  private String waitFor(ScreenTest wanted, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = capture();
      if (wanted.test(screen)) {
        return screen;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(what + " never appeared; the screen shows:\n" + screen);
  }

  private String capture() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("tmux", "-L", socket, "capture-pane", "-p", "-t", "paw").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return text;
  }

  private static int run(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }
}
