package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw connect} in a real pseudo-terminal (tmux): the secret typed at the prompt is not
 * echoed, and is stored only encrypted. Runs the packaged paw.jar as a person would.
 */
class TerminalSessionIT {

  private static final String TYPED_KEY = "sk_test_typedAtThePrompt9c3b";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private final String socket = "paw-it-" + ProcessHandle.current().pid();

  @AfterEach
  void killTmux() throws Exception {
    run("tmux", "-L", socket, "kill-server");
  }

  @Test
  void aSecretTypedAtThePromptIsNeitherEchoedNorStoredInClear() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body("{\"data\":[],\"has_more\":false}")
              .build());
    }
    String jar = System.getProperty("paw.jar");
    assertThat(Path.of(jar)).as("the packaged paw.jar").exists();
    String command =
        "env PAW_MASTER_KEY=bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE= java -jar "
            + jar
            + " --home "
            + home
            + " connect stripe --pocket 'My Business' --base-url "
            + server.url("/v1")
            + "; echo EXIT=$?; sleep 30";
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
                "200",
                "-y",
                "50",
                command))
        .as("tmux must be installed (.ci/run installs it)")
        .isZero();

    String prompt = waitFor("STRIPE_API_KEY");
    assertThat(prompt).contains("Stripe secret key");
    run("tmux", "-L", socket, "send-keys", "-t", "paw", TYPED_KEY, "Enter");
    String screen = waitFor("EXIT=");

    assertThat(screen).contains("connected stripe to pocket 'My Business'").contains("EXIT=0");
    assertThat(screen).doesNotContain(TYPED_KEY);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TYPED_KEY);
    try (Stream<Path> files = Files.walk(home)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).anyMatch(f -> f.startsWith(home.resolve("credentials")));
      for (Path file : all) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(TYPED_KEY);
      }
    }
  }

  private String waitFor(String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = capture();
      if (screen.contains(text)) {
        return screen;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("'" + text + "' never appeared; the screen shows:\n" + screen);
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
