package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile values typed at the command line ({@code paw run ... -p key=value}) go through picocli,
 * the CLI's type conversion and the runtime: none may change the host, the path's segments or the
 * headers of the request, or leave its query value. Hostile pocket names stay inside the home
 * directory. And {@code paw run csv query_table} cannot write.
 */
class CliInjectionTest {

  private static final List<String> HOSTILE =
      List.of(
          "../x",
          "../../admin",
          "..%2F..%2Fadmin",
          "a/b",
          "%2F",
          "?q=1",
          "#frag",
          "@evil.example",
          "user:pass@evil.example",
          "//evil.example",
          "http://evil.example/",
          "\\..\\x",
          ";x=1",
          "a&b=c",
          "a=b=c",
          "\r\nX-Injected: 1",
          "x\nHost: evil.example",
          "%0d%0aX-Injected:%201",
          "ünïcødé ✓",
          "\u202eevil",
          "a b",
          "--yes",
          "-p",
          "$(touch /tmp/paw-pwned)",
          "`id`",
          "'; DROP TABLE x; --");

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  @TempDir Path files;

  private final Map<String, String> env =
      Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=");

  private record Run(int exit, String out, String err) {}

  private Run paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    return new Run(PawCli.run(all, terminal, env), terminal.printed(), terminal.errors());
  }

  private void connectNotes() throws Exception {
    Files.createDirectories(home.resolve("connectors"));
    Files.writeString(
        home.resolve("connectors/notes.yaml"),
        """
        name: notes
        base_url: https://notes.example/api
        auth:
          method: api_key
          in: header
          name: X-Api-Key
          credentials:
            - { name: NOTES_KEY, required: true }
        actions:
          - name: get_note
            url: /customers/{id}/notes
            params:
              id: { type: string, required: true }
              q: { type: string }
            trust_level: auto
        """);
    Run connected =
        paw(
            "connect",
            "notes",
            "--pocket",
            "Injection",
            "--credential",
            "NOTES_KEY=nk_cli_77",
            "--base-url",
            server.url("/api").toString(),
            "--no-sync");
    assertThat(connected.exit()).as(connected.err()).isZero();
  }

  @Test
  void hostileParameterValuesStayInTheirPlace() throws Exception {
    connectNotes();
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{}")
            .build());
    assertThat(paw("run", "notes", "get_note", "--pocket", "Injection", "-p", "id=42").exit())
        .isZero();
    Set<String> ordinary = names(server.takeRequest(5, TimeUnit.SECONDS));

    List<String> checked = new ArrayList<>();
    for (String value : HOSTILE) {
      server.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body("{}")
              .build());

      Run run =
          paw(
              "run",
              "notes",
              "get_note",
              "--pocket",
              "Injection",
              "-p",
              "id=" + value,
              "-p",
              "q=" + value);

      assertThat(run.exit()).as("%s: %s", value, run.err()).isZero();
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).as(value).isNotNull();
      assertThat(request.getUrl().host()).as(value).isEqualTo(server.getHostName());
      assertThat(request.getUrl().port()).as(value).isEqualTo(server.getPort());
      assertThat(request.getUrl().pathSegments())
          .as(value)
          .containsExactly("api", "customers", value, "notes");
      assertThat(request.getUrl().queryParameterNames()).as(value).containsExactly("q");
      assertThat(request.getUrl().queryParameterValues("q")).as(value).containsExactly(value);
      assertThat(names(request)).as(value).isEqualTo(ordinary);
      assertThat(request.getHeaders().get("X-Api-Key")).as(value).isEqualTo("nk_cli_77");
      checked.add(value);
    }
    assertThat(checked).hasSize(HOSTILE.size());
    assertThat(Path.of("/tmp/paw-pwned")).doesNotExist();
  }

  @Test
  void hostilePocketNamesStayInsideTheHome() throws Exception {
    for (String name :
        List.of(
            "../outside",
            "../../outside",
            "/tmp/outside",
            "a/../../outside",
            "..",
            ".",
            "\u0000",
            "con",
            "ünï ✓ café")) {
      paw("run", "csv", "list_tables", "--pocket", name);
    }
    try (Stream<Path> siblings = Files.walk(home.getParent(), 1)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).doesNotContain("outside");
    }
    try (Stream<Path> pockets = Files.list(home.resolve("pockets"))) {
      assertThat(pockets).allMatch(p -> p.getFileName().toString().matches("[a-z0-9-]+"));
    }
  }

  @Test
  void queryTableCannotWriteFromTheCommandLine() throws Exception {
    Path sales = Files.writeString(files.resolve("sales.csv"), "id,amount\n1,250.00\n2,99.50\n");
    assertThat(paw("run", "csv", "import_file", "--pocket", "Q", "-p", "file_path=" + sales).exit())
        .isZero();

    for (String sql :
        List.of(
            "DELETE FROM sales",
            "DROP TABLE sales",
            "UPDATE sales SET amount = 0",
            "INSERT INTO sales VALUES (3, 1)",
            "VACUUM INTO '" + files.resolve("copy.db") + "'",
            "ATTACH DATABASE '" + home.resolve("pockets/q/pocket.db") + "' AS again",
            "SELECT 1; DELETE FROM sales")) {
      Run run = paw("run", "csv", "query_table", "--pocket", "Q", "-p", "query=" + sql);
      assertThat(run.exit()).as(sql).isIn(ExitCodes.OK, ExitCodes.FAILED);
    }

    Run count =
        paw(
            "run",
            "csv",
            "query_table",
            "--pocket",
            "Q",
            "-p",
            "query=SELECT count(*) AS n, sum(amount) AS" + " total FROM sales");
    assertThat(count.out()).contains("\"rows\" : [ [ 2, 349.5 ] ]");
    assertThat(files.resolve("copy.db")).doesNotExist();
  }

  private static Set<String> names(RecordedRequest request) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(request.getHeaders().names());
    return names;
  }
}
