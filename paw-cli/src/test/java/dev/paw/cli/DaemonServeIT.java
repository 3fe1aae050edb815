package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw daemon --serve}: the scheduler and the dashboard in one process, both stopped by
 * SIGTERM.
 */
class DaemonServeIT {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";

  @TempDir Path home;

  @Test
  void servesThePageWhileTheDaemonRuns() throws Exception {
    assertThat(
            PawCli.run(
                new String[] {"--home", home.toString(), "connect", "csv", "--pocket", "Files"},
                new ScriptedTerminal(false),
                Map.of("PAW_MASTER_KEY", MASTER_KEY)))
        .isZero();
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-jar",
                System.getProperty("paw.jar"),
                "--home",
                home.toString(),
                "daemon",
                "--serve")
            .redirectErrorStream(true);
    builder.environment().put("PAW_MASTER_KEY", MASTER_KEY);
    Process daemon = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    Pattern served = Pattern.compile("paw serve: (http://127\\.0\\.0\\.1:\\d+/\\?token=\\S+)");
    String url = null;
    String line;
    while (url == null && (line = out.readLine()) != null) {
      lines.add(line);
      Matcher m = served.matcher(line);
      url = m.find() ? m.group(1) : null;
    }
    assertThat(url).as(String.join("\n", lines)).isNotNull();
    assertThat(lines).anyMatch(l -> l.startsWith("paw daemon: "));

    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(303);
    URI pockets = URI.create(url).resolve("/api/pockets");
    HttpResponse<String> listed =
        client.send(HttpRequest.newBuilder(pockets).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("\"slug\":\"files\"", "\"connector\":\"csv\"");

    daemon.toHandle().destroy();
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
    lines.addAll(out.lines().toList());
    assertThat(lines).contains("paw daemon: stopped");
  }
}
