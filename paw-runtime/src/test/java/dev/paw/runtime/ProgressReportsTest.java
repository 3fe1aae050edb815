package dev.paw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.SyncListener.Progress;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link SyncListener} hears how far a sync and a file import have got ({@link
 * SyncListener#onProgress}): after each page or batch, with counts that only grow, the bytes of a
 * file read out of its size, and one last report marked done.
 */
class ProgressReportsTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private final List<Progress> reports = new CopyOnWriteArrayList<>();
  private Paw paw;
  private Pocket pocket;

  @BeforeEach
  void setUp() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Path root = Path.of(System.getProperty("paw.repositoryRoot", "..")).toAbsolutePath();
    Files.copy(root.resolve("connectors/csv.yaml"), connectors.resolve("csv.yaml"));
    Files.writeString(
        connectors.resolve("paged.yaml"),
        """
        name: paged
        base_url: https://api.paged.example/v1
        actions:
          - name: list_things
            url: /things
            trust_level: auto
            params:
              limit: { type: integer, default: 3 }
            pagination: { style: page, param: page, size_param: limit }
        sync:
          table: paged_things
          source: list_things
          mapping:
            id: id
        """);
    paw =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .actor("progress-test")
            .listener(
                new SyncListener() {
                  @Override
                  public void onChange(TableChange change) {}

                  @Override
                  public void onProgress(Progress progress) {
                    reports.add(progress);
                  }
                })
            .build();
    pocket = paw.pocket("Progress");
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  @Test
  void aSyncReportsEachPageAndTheEnd() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            int page = Integer.parseInt(request.getUrl().queryParameter("page"));
            String data =
                page > 4
                    ? ""
                    : "{\"id\":\"a%d\"},{\"id\":\"b%d\"},{\"id\":\"c%d\"}"
                        .formatted(page, page, page);
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"data\":[" + data + "]}")
                .build();
          }
        });
    ConnectorProtocol connector = paw.connector(pocket, "paged");
    connector
        .connect(ConnectOptions.baseUrl(server.url("/v1").toString()).withoutCredentialCheck())
        .toCompletableFuture()
        .join();

    connector.sync("paged_things").toCompletableFuture().join();

    assertThat(reports).extracting(Progress::table).containsOnly("paged_things");
    assertThat(reports).extracting(Progress::records).containsExactly(3L, 6L, 9L, 12L, 12L);
    assertThat(reports).extracting(Progress::pages).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(reports)
        .extracting(Progress::done)
        .containsExactly(false, false, false, false, true);
    assertThat(reports)
        .allSatisfy(
            p -> {
              assertThat(p.pocket()).isEqualTo("progress");
              assertThat(p.connector()).isEqualTo("paged");
              assertThat(p.totalBytes()).as("a sync's total is not known").isEqualTo(-1);
              assertThat(p.fraction()).isEmpty();
            });
  }

  @Test
  void aFileImportReportsTheBytesReadOutOfTheFilesSize() throws Exception {
    Path file = dir.resolve("sales.csv");
    // well past what the reader thread may read ahead of the writer (a 64 KiB buffer and a few
    // batches in flight), so the first report cannot have seen the whole file
    StringBuilder csv = new StringBuilder("id,amount\n");
    for (int i = 0; i < 50_000; i++) {
      csv.append(i).append(',').append(i * 3).append(".25\n");
    }
    Files.writeString(file, csv);
    long size = Files.size(file);

    paw.connector(pocket, "csv")
        .execute("import_file", Map.of("file_path", file.toString()))
        .toCompletableFuture()
        .join();

    assertThat(reports)
        .hasSizeGreaterThanOrEqualTo(3); // 50,000 rows in batches of 1,024, and the end
    assertThat(reports)
        .allSatisfy(
            p -> {
              assertThat(p.table()).isEqualTo("sales");
              assertThat(p.connector()).isEqualTo("csv");
              assertThat(p.pocket()).isEqualTo("progress");
              assertThat(p.totalBytes()).isEqualTo(size);
              assertThat(p.bytes()).isBetween(1L, size);
            });
    for (int i = 1; i < reports.size(); i++) {
      assertThat(reports.get(i).records()).isGreaterThanOrEqualTo(reports.get(i - 1).records());
      assertThat(reports.get(i).bytes()).isGreaterThanOrEqualTo(reports.get(i - 1).bytes());
    }
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.records()).isEqualTo(50_000);
    assertThat(last.bytes()).isEqualTo(size);
    assertThat(last.fraction()).hasValue(1.0);
    assertThat(reports.get(0).fraction().getAsDouble()).isLessThan(1.0);
  }
}
