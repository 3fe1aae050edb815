package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ParamSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file actions take their defaults from connectors/csv.yaml, not from literals of their own:
 * change a default in the file and these fail until the generated sources are refreshed.
 */
class CsvYamlDefaultsTest {

  private static final ConnectorSpec CSV =
      ConnectorLoader.load(
              Path.of(System.getProperty("paw.repositoryRoot", ".."), "connectors", "csv.yaml"),
              "connectors/csv.yaml")
          .spec();

  @TempDir Path dir;
  ScratchPocket pocket;

  @BeforeEach
  void open() throws Exception {
    pocket = new ScratchPocket(dir);
  }

  @AfterEach
  void close() throws Exception {
    pocket.close();
  }

  @Test
  void previewTableShowsAsManyRowsAsTheFilesDefaultLimit() throws Exception {
    int limit = ((Number) defaultOf("preview_table", "limit")).intValue();
    StringBuilder csv = new StringBuilder("n\n");
    for (int i = 0; i < limit + 5; i++) {
      csv.append(i).append('\n');
    }
    pocket.importFile(
        ImportRequest.of(pocket.write("many.csv", csv.toString())).withTableName("t"));

    JsonNode preview =
        pocket
            .actions
            .execute(
                "preview_table",
                Map.of("table_name", "t"),
                pocket.connection,
                ReadOnlyDatabase.at(pocket.database))
            .toJson();

    assertThat(preview.get("rows")).hasSize(limit);
  }

  @Test
  void anImportRequestStartsFromTheFilesDefaults() {
    ImportRequest request = ImportRequest.of(Path.of("sales.csv"));

    assertThat(request.format().wireName()).isEqualTo(defaultOf("import_file", "format"));
    assertThat(request.delimiter()).isEqualTo(defaultOf("import_file", "delimiter"));
    assertThat(request.hasHeader()).isEqualTo(defaultOf("import_file", "has_header"));
    assertThat(request.encoding()).isEqualTo(defaultOf("import_file", "encoding"));
    assertThat(request.mode().wireName()).isEqualTo(defaultOf("import_file", "mode"));
  }

  private static Object defaultOf(String action, String param) {
    ActionSpec spec =
        CSV.actions().stream().filter(a -> a.name().equals(action)).findFirst().orElseThrow();
    return spec.allParams().stream()
        .filter(p -> p.name().equals(param))
        .map(ParamSpec::defaultValue)
        .findFirst()
        .orElseThrow();
  }
}
