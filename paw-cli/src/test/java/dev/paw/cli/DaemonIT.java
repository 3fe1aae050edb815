package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw daemon} runs due syncs at once and stops cleanly on SIGTERM, leaving pocket.db intact.
 */
class DaemonIT {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  @Test
  void runsDueSyncsAndStopsCleanlyOnSigterm() throws Exception {
    int connected =
        PawCli.run(
            new String[] {
              "--home",
              home.toString(),
              "connect",
              "stripe",
              "--pocket",
              "Shop",
              "--credential",
              "STRIPE_API_KEY=sk_test_daemon",
              "--base-url",
              server.url("/v1").toString(),
              "--no-sync"
            },
            new ScriptedTerminal(false),
            Map.of("PAW_MASTER_KEY", MASTER_KEY));
    assertThat(connected).isZero();
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body("{\"data\":[{\"id\":\"x" + i + "\",\"created\":1}],\"has_more\":false}")
              .build());
    }

    ProcessBuilder builder =
        new ProcessBuilder(
                "java", "-jar", System.getProperty("paw.jar"), "--home", home.toString(), "daemon")
            .redirectErrorStream(true);
    builder.environment().put("PAW_MASTER_KEY", MASTER_KEY);
    Process daemon = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
      if (lines.stream().filter(l -> l.contains("Shop/stripe_")).count() == 3) {
        break;
      }
    }
    assertThat(lines)
        .as(String.join("\n", lines))
        .anyMatch(l -> l.contains("3 scheduled syncs in 1 pockets"));

    daemon.toHandle().destroy(); // SIGTERM, keeping the output readable (Process.destroy closes it)
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
    lines.addAll(out.lines().toList());

    assertThat(daemon.exitValue()).as("the JVM's status for SIGTERM").isEqualTo(143);
    assertThat(lines).contains("paw daemon: stopping", "paw daemon: stopped");
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + home.resolve("pockets/shop/pocket.db"));
        Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM stripe_invoices")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }
}
