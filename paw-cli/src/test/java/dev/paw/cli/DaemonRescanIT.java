package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
 * A running {@code paw daemon} picks up a connection made after it started and stops the syncs of
 * one removed, without a restart; a connector whose syncs fail is reported while another goes on.
 * Runs the packaged paw.jar as a separate process, as a person would.
 */
class DaemonRescanIT {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private Process daemon;

  @AfterEach
  void stopDaemon() throws Exception {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String connector(String name) {
    return """
        name: %s
        base_url: https://api.%s.example/v1
        actions:
          - name: list_things
            url: /things
            trust_level: auto
        sync:
          table: %s_things
          source: list_things
          schedule: every_1m
          mapping:
            id: id
        """
        .formatted(name, name, name);
  }

  private int paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit = PawCli.run(all, terminal, Map.of("PAW_MASTER_KEY", MASTER_KEY));
    assertThat(exit).as(terminal.printed() + terminal.errors()).isZero();
    return exit;
  }

  private void connect(String name) {
    paw(
        "connect",
        name,
        "--pocket",
        "Shop",
        "--base-url",
        server.url("/" + name + "/v1").toString(),
        "--no-sync");
  }

  private String awaitLine(Predicate<String> wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (wanted.test(line)) {
          return line;
        }
      }
      assertThat(daemon.isAlive()).as("the daemon is running: " + lines).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("no line " + what + " in:\n" + String.join("\n", lines));
  }

  @Test
  void picksUpConnectionsMadeAndRemovedWhileItRunsAndGoesOnPastAFailingOne() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            if (request.getUrl().encodedPath().startsWith("/broken/")) {
              return new MockResponse.Builder()
                  .code(400)
                  .addHeader("Content-Type", "application/json")
                  .body("{\"error\":\"this account is suspended\"}")
                  .build();
            }
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}")
                .build();
          }
        });
    Files.createDirectories(home.resolve("connectors"));
    Files.writeString(home.resolve("connectors/items.yaml"), connector("items"));
    Files.writeString(home.resolve("connectors/broken.yaml"), connector("broken"));

    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-jar",
                System.getProperty("paw.jar"),
                "--home",
                home.toString(),
                "daemon",
                "--rescan",
                "1s")
            .redirectErrorStream(true);
    builder.environment().put("PAW_MASTER_KEY", MASTER_KEY);
    daemon = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    awaitLine(l -> l.contains("0 scheduled syncs in 0 pockets"), "'0 scheduled syncs'");

    // Made while the daemon runs: it syncs them without a restart; the broken one's failure is
    // reported, and the other still syncs.
    connect("broken");
    connect("items");
    String failed =
        awaitLine(l -> l.contains("Shop/broken_things") && l.contains("failed"), "for broken");
    String synced = awaitLine(l -> l.contains("Shop/items_things: 2 records"), "of the items sync");
    assertThat(failed).contains("trying again in 1m");
    assertThat(synced).doesNotContain("failed");

    // Removed while it runs: its syncs stop.
    paw("disconnect", "items", "--pocket", "Shop");
    awaitLine(
        l -> l.contains("shop/items_things is no longer connected; its syncs stopped"),
        "that the items syncs stopped");
    assertThat(daemon.isAlive()).isTrue();

    daemon.toHandle().destroy(); // SIGTERM
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(5_000);
    assertThat(lines).contains("paw daemon: stopping", "paw daemon: stopped");
  }
}
