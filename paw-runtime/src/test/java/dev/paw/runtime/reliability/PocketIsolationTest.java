package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.credentials.CredentialStoreException;
import dev.paw.runtime.credentials.MissingCredentialException;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.Records;
import dev.paw.runtime.testing.RecordsApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pockets are isolated: two pockets syncing at the same time each end with exactly their own
 * source; and nothing done in pocket Alpha (its credential scope, its adapter, the file connector's
 * actions, which run at trust level {@code auto}) can read or change pocket Beta's credentials or
 * tables, or paw's own key and credential files.
 */
class PocketIsolationTest {

  @TempDir Path dir;

  private PawHome home;
  private Paw paw;
  private Pocket alpha;
  private Pocket beta;

  @BeforeEach
  void setUp() throws Exception {
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(connectors.resolve("records.yaml"), Records.connector(100));
    Files.copy(
        Path.of(System.getProperty("paw.repositoryRoot", ".."), "connectors", "csv.yaml"),
        connectors.resolve("csv.yaml"));
    home = PawHome.at(dir.resolve("home"));
    // the default credential store: the encrypted file under the home, with the owner-only key file
    // there too
    paw =
        Paw.builder()
            .home(home)
            .environment(Map.of())
            .connectorFolders(List.of(connectors))
            .actor("isolation")
            .build();
    alpha = paw.pocket("Alpha");
    beta = paw.pocket("Beta");
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  @Test
  void twoPocketsSyncingAtOnceEachEndWithTheirOwnSource() throws Exception {
    try (RecordsApi alphaApi = RecordsApi.start(Records.generate(3_000));
        RecordsApi betaApi = RecordsApi.start(Records.generate(5_000))) {
      ConnectorProtocol alphaRecords = connect(alpha, alphaApi);
      ConnectorProtocol betaRecords = connect(beta, betaApi);
      RecordsApi.Hold held = alphaApi.hold(Records.id(1_000));

      CompletableFuture<SyncResult> alphaSync = alphaRecords.sync("records").toCompletableFuture();
      assertThat(held.awaitArrival(Duration.ofSeconds(30)))
          .as("alpha reached its held page")
          .isTrue();
      SyncResult betaResult =
          betaRecords.sync("records").toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(alphaSync)
          .as("beta ran to the end while alpha was in the middle of its run")
          .isNotDone();
      held.release();
      SyncResult alphaResult = alphaSync.get(60, TimeUnit.SECONDS);

      assertThat(alphaResult.complete()).as("%s", alphaResult.error()).isTrue();
      assertThat(betaResult.complete()).as("%s", betaResult.error()).isTrue();
      assertThat(Records.compare(database("alpha"), 3_000).none()).isTrue();
      assertThat(Records.compare(database("beta"), 5_000).none()).isTrue();
    }
  }

  @Test
  void alphaCannotReachBetasCredentials() throws Exception {
    paw.credentials(beta, "records").put("RECORDS_KEY", Secret.of("rk_beta_only_5d1"));

    assertThat(paw.credentials(alpha, "records").get("RECORDS_KEY")).isEmpty();
    assertThat(paw.credentials(alpha, "records").names()).isEmpty();
    Throwable connect =
        cause(
            catchThrowable(
                () ->
                    paw.connector(alpha, "records")
                        .connect(ConnectOptions.baseUrl("http://127.0.0.1:9/v1"))
                        .toCompletableFuture()
                        .join()));
    assertThat(connect)
        .isInstanceOf(MissingCredentialException.class)
        .hasMessageContaining("pocket 'Alpha'")
        .hasMessageNotContaining("rk_beta_only_5d1");

    // Beta's encrypted entry copied into Alpha's file does not decrypt there: it is bound to its
    // pocket
    paw.credentials(alpha, "records").put("OTHER", Secret.of("placeholder"));
    ObjectMapper json = new ObjectMapper();
    Path alphaFile = home.credentialsDirectory().resolve("alpha.json");
    ObjectNode alphaCredentials = (ObjectNode) json.readTree(alphaFile.toFile());
    ObjectNode betaCredentials =
        (ObjectNode) json.readTree(home.credentialsDirectory().resolve("beta.json").toFile());
    ((ObjectNode) alphaCredentials.path("connectors").path("records"))
        .set("RECORDS_KEY", betaCredentials.path("connectors").path("records").path("RECORDS_KEY"));
    Files.write(alphaFile, json.writeValueAsBytes(alphaCredentials));
    Throwable copied = catchThrowable(() -> paw.credentials(alpha, "records").get("RECORDS_KEY"));
    assertThat(copied)
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageContaining("cannot decrypt")
        .hasMessageNotContaining("rk_beta_only_5d1");
  }

  @Test
  void alphasAdapterReadsOnlyAlphasTable() throws Exception {
    try (RecordsApi alphaApi = RecordsApi.start(Records.generate(10));
        RecordsApi betaApi = RecordsApi.start(Records.generate(20))) {
      connect(alpha, alphaApi).sync("records").toCompletableFuture().join();
      connect(beta, betaApi).sync("records").toCompletableFuture().join();

      assertThat(paw.connector(alpha, "records").rows("records", mapper())).hasSize(10);
      assertThat(paw.connector(beta, "records").rows("records", mapper())).hasSize(20);
      assertThat(paw.connector(alpha, "records")).isNotSameAs(paw.connector(beta, "records"));
    }
  }

  /**
   * import_file and export_table run at trust level auto: an agent working in pocket Alpha may call
   * them unasked. Pointed at another pocket's database, the credential files or the master key,
   * they would copy Beta's data or paw's secrets into Alpha's tables, or overwrite them.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "pockets/beta/pocket.db",
        "pockets/alpha/../beta/pocket.db",
        "credentials/beta.json",
        "master.key",
        "pockets/alpha/pocket.db",
        "pockets/beta",
        ".",
        "pockets/gamma/new.csv",
        "pockets/beta/../../credentials/new.json"
      })
  void theFileConnectorCannotReadOrWritePawsOwnFiles(String inHome) throws Exception {
    try (RecordsApi betaApi = RecordsApi.start(Records.generate(20))) {
      connect(beta, betaApi).sync("records").toCompletableFuture().join();
    }
    paw.credentials(beta, "records").put("RECORDS_KEY", Secret.of("rk_beta_only_5d1"));
    Path target = home.root().resolve(inHome);
    Path link = Files.createSymbolicLink(dir.resolve("innocent.csv"), target);
    byte[] betaDatabase = Files.readAllBytes(database("beta"));
    ConnectorProtocol csv = paw.connector(alpha, "csv");
    Path ordinary = Files.writeString(dir.resolve("sales.csv"), "id,amount\n1,2.50\n");
    csv.execute("import_file", Map.of("file_path", ordinary.toString()))
        .toCompletableFuture()
        .join();

    for (Path path : List.of(target, link)) {
      for (String format : List.of("csv", "json", "ndjson")) {
        Throwable read =
            cause(
                catchThrowable(
                    () ->
                        csv.execute(
                                "import_file",
                                Map.of(
                                    "file_path",
                                    path.toString(),
                                    "table_name",
                                    "stolen",
                                    "format",
                                    format,
                                    "encoding",
                                    "iso-8859-1",
                                    "has_header",
                                    false))
                            .toCompletableFuture()
                            .join()));
        assertThat(read)
            .as("import_file of %s as %s", path, format)
            .isNotNull()
            .hasMessageContaining("paw's own files");
      }
      Throwable write =
          cause(
              catchThrowable(
                  () ->
                      csv.execute(
                              "export_table",
                              Map.of("table_name", "sales", "output_path", path.toString()))
                          .toCompletableFuture()
                          .join()));
      assertThat(write)
          .as("export_table to %s", path)
          .isNotNull()
          .hasMessageContaining("paw's own files");
    }
    assertThat(Files.readAllBytes(database("beta")))
        .as("beta's pocket.db is untouched")
        .isEqualTo(betaDatabase);
    assertThat(paw.credentials(beta, "records").get("RECORDS_KEY").map(Secret::reveal))
        .contains("rk_beta_only_5d1");
  }

  @Test
  void filesOutsideTheHomeStillImportAndExport() throws Exception {
    ConnectorProtocol csv = paw.connector(alpha, "csv");
    Path sales = Files.writeString(dir.resolve("sales.csv"), "id,amount\n1,2.50\n");

    csv.execute("import_file", Map.of("file_path", sales.toString())).toCompletableFuture().join();
    csv.execute(
            "export_table",
            Map.of("table_name", "sales", "output_path", dir.resolve("out.csv").toString()))
        .toCompletableFuture()
        .join();

    assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("id,amount\r\n1,2.50\r\n");
  }

  private ConnectorProtocol connect(Pocket pocket, RecordsApi api) {
    paw.credentials(pocket, "records").put("RECORDS_KEY", Secret.of(RecordsApi.API_KEY));
    ConnectorProtocol records = paw.connector(pocket, "records");
    records.connect(ConnectOptions.baseUrl(api.baseUrl())).toCompletableFuture().join();
    return records;
  }

  private dev.paw.runtime.mapping.RowMapper<Object[]> mapper() {
    ConnectorProtocol records = paw.connector(alpha, "records");
    return new dev.paw.runtime.internal.mapping.SpecRowMapper(
        records.spec(), records.spec().stream("records").orElseThrow());
  }

  private Path database(String slug) {
    return home.pocketsDirectory().resolve(slug).resolve("pocket.db");
  }

  private static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
