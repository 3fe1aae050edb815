package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.postgresql.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code paw} jar runs PocketPaw's postgresql file against a real PostgreSQL server:
 * the adapter is found through ServiceLoader in the shaded jar, credentials go into the encrypted
 * store at connect time, {@code execute_query} is refused without {@code --yes}, and the password
 * is in no file and no output.
 */
class PostgresCliIT {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";

  @TempDir static Path home;

  private static PostgresServer server;

  @BeforeAll
  static void serverAndConnector() throws Exception {
    Path file =
        Path.of(System.getProperty("paw.repositoryRoot", ".."))
            .resolve("../shared/pocketpaw-connectors/postgresql.yaml")
            .normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(file), "skipped: " + file + " not found (CI provides ../shared)");
    server = PostgresServer.get();
    try (Connection admin = server.admin();
        Statement sql = admin.createStatement()) {
      sql.execute(
          "DROP SCHEMA IF EXISTS cli CASCADE; CREATE SCHEMA cli;"
              + " CREATE TABLE cli.notes (id int PRIMARY KEY, body text);"
              + " INSERT INTO cli.notes VALUES (1, 'first'), (2, 'second');");
    }
    Files.createDirectories(home.resolve("connectors"));
    Files.copy(file, home.resolve("connectors/postgresql.yaml"));
  }

  private record Result(int exit, String output) {}

  private static Result paw(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("java", "-jar", System.getProperty("paw.jar"), "--home", home.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PAW_MASTER_KEY", MASTER_KEY);
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static long notes() throws Exception {
    try (Connection admin = server.admin();
        Statement sql = admin.createStatement();
        ResultSet rows = sql.executeQuery("SELECT count(*) FROM cli.notes")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void connectRunAndRefuseThroughThePackagedJar() throws Exception {
    List<String> printed = new ArrayList<>();
    Result connected =
        paw(
            server.password + "\n",
            "connect",
            "postgresql",
            "--pocket",
            "Notes",
            "--credential",
            "PG_HOST=127.0.0.1",
            "--credential",
            "PG_PORT=" + server.port,
            "--credential",
            "PG_DATABASE=" + PostgresServer.DATABASE,
            "--credential",
            "PG_USER=" + PostgresServer.ADMIN,
            "--credential",
            "PG_PASSWORD=-",
            "--credential",
            "PG_SSL=false",
            "--no-sync");
    printed.add(connected.output());
    assertThat(connected.exit()).as(connected.output()).isZero();

    Result tables =
        paw("", "run", "postgresql", "list_tables", "--pocket", "Notes", "-p", "schema=cli");
    printed.add(tables.output());
    assertThat(tables.exit()).as(tables.output()).isZero();
    assertThat(tables.output()).contains("\"table\"", "notes");

    Result preview =
        paw(
            "",
            "run",
            "postgresql",
            "preview_table",
            "--pocket",
            "Notes",
            "-p",
            "schema=cli",
            "-p",
            "table=notes",
            "-p",
            "limit=1");
    printed.add(preview.output());
    assertThat(preview.output()).contains("first").doesNotContain("second");

    Result refused =
        paw(
            "",
            "run",
            "postgresql",
            "execute_query",
            "--pocket",
            "Notes",
            "-p",
            "query=DELETE FROM cli.notes");
    printed.add(refused.output());
    assertThat(refused.exit()).as(refused.output()).isEqualTo(ExitCodes.REFUSED);
    assertThat(notes()).isEqualTo(2);

    Result approved =
        paw(
            "",
            "run",
            "postgresql",
            "execute_query",
            "--pocket",
            "Notes",
            "--yes",
            "-p",
            "query=DELETE FROM cli.notes WHERE id = 2");
    printed.add(approved.output());
    assertThat(approved.exit()).as(approved.output()).isZero();
    assertThat(approved.output()).contains("\"updated_rows\"");
    assertThat(notes()).isEqualTo(1);

    Result hostile =
        paw(
            "",
            "run",
            "postgresql",
            "describe_table",
            "--pocket",
            "Notes",
            "-p",
            "table=notes'; DROP TABLE cli.notes; --");
    printed.add(hostile.output());
    assertThat(hostile.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(hostile.output().strip().lines()).hasSize(1);
    assertThat(hostile.output()).contains("no table \"notes'; DROP TABLE cli.notes; --\"");
    assertThat(notes()).isEqualTo(1);

    assertThat(String.join("\n", printed)).doesNotContain(server.password);
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(server.password);
      }
    }
  }
}
