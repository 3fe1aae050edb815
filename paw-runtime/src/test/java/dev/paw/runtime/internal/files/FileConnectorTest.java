package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.Paw;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ActionRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in file connector (connectors/csv.yaml) run through the runtime, as {@code paw run csv}
 * runs it.
 */
class FileConnectorTest {

  @TempDir Path dir;

  private Paw paw;
  private Pocket pocket;

  @BeforeEach
  void setUp() {
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(
                List.of(
                    Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors")))
            .build();
    pocket = paw.pocket("Files");
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  private JsonNode run(String action, Map<String, ?> params) {
    return join(paw.connector(pocket, "csv").execute(action, params)).json();
  }

  /** The result exactly as sent (parsing it into a tree would read 1.50 as the double 1.5). */
  private String text(String action, Map<String, ?> params) {
    return join(paw.connector(pocket, "csv").execute(action, params)).text();
  }

  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  @Test
  void importsQueriesAndAuditsAFile() throws Exception {
    Path file = dir.resolve("sales.csv");
    Files.writeString(
        file, "region,amount,closed\nnorth,1.50,2026-01-02\nsouth,20.25,2026-01-03\n");

    JsonNode imported = run("import_file", Map.of("file_path", file.toString()));
    String rows =
        text("query_table", Map.of("query", "SELECT region, amount FROM sales ORDER BY amount"));

    assertThat(imported.toString()).contains("\"table\":\"sales\"").contains("\"rows_imported\":2");
    assertThat(rows).contains("[\"north\",1.50]").contains("20.25");
    assertThat(paw.audit(pocket).read(AuditQuery.recent()))
        .extracting(e -> e.target())
        .containsExactly("query_table", "import_file");
  }

  @Test
  void queryTableCannotWrite() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "a\n1\n");
    run("import_file", Map.of("file_path", file.toString()));

    assertThatThrownBy(() -> run("query_table", Map.of("query", "DELETE FROM t")))
        .hasMessageContaining("READONLY");
    assertThat(run("query_table", Map.of("query", "SELECT count(*) AS n FROM t")).toString())
        .contains("1");
  }

  @Test
  void droppingATableNeedsConfirmation() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "a\n1\n");
    run("import_file", Map.of("file_path", file.toString()));

    assertThatThrownBy(() -> run("drop_table", Map.of("table_name", "t")))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageStartingWith(
            "action 'drop_table' of csv in pocket 'Files' was refused and not sent: confirm actions need the"
                + " user's approval, which was not given");
    assertThat(run("list_tables", Map.of()).toString()).contains("\"t\"");
  }
}
