package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector whose actions are {@code LOCAL} and for which no adapter is installed (PocketPaw's
 * MongoDB, BigQuery, ...): {@code paw connect}, {@code paw actions} and {@code paw run} each say in
 * one line which adapter is missing and what installing one takes, exit with the usage code, and
 * leave no trace (no pocket, no stored credential).
 */
class MissingAdapterTest {

  @TempDir Path home;

  private final Map<String, String> env =
      Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=");

  @BeforeEach
  void mongodbConnector() throws Exception {
    Path connectors = Files.createDirectories(home.resolve("connectors"));
    Files.writeString(
        connectors.resolve("mongodb.yaml"),
        """
        name: mongodb
        display_name: MongoDB
        type: database
        auth:
          method: none
          credentials:
            - name: MONGO_URI
              required: true
        actions:
          - name: find
            method: LOCAL
            params:
              collection: { type: string, required: true }
            trust_level: auto
          - name: insert_one
            method: LOCAL
            params:
              collection: { type: string, required: true }
            trust_level: confirm
        """);
  }

  private ScriptedTerminal paw(int expectedExit, String... args) {
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    assertThat(PawCli.run(all, terminal, env)).as(String.join(" ", args)).isEqualTo(expectedExit);
    return terminal;
  }

  private static void assertOneLineNamingTheAdapter(ScriptedTerminal terminal) {
    String err = terminal.errors();
    assertThat(err.strip().lines()).hasSize(1);
    assertThat(err)
        .startsWith("paw: connector 'mongodb' needs a local adapter, and none is installed")
        .contains("(find, insert_one)")
        .contains("dev.paw.runtime.LocalActions$Adapter for 'mongodb'")
        .contains("docs/adapters.md")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(terminal.printed()).isEmpty();
  }

  @Test
  void connectSaysWhichAdapterIsMissingAndStoresNothing() {
    assertOneLineNamingTheAdapter(
        paw(
            ExitCodes.USAGE,
            "connect",
            "mongodb",
            "--pocket",
            "shop",
            "--credential",
            "MONGO_URI=mongodb://127.0.0.1:1/x"));
    assertThat(home.resolve("pockets")).doesNotExist();
    assertThat(paw(ExitCodes.OK, "pockets").printed()).doesNotContain("shop");
  }

  @Test
  void actionsSaysWhichAdapterIsMissing() {
    assertOneLineNamingTheAdapter(paw(ExitCodes.USAGE, "actions", "mongodb"));
  }

  @Test
  void runSaysWhichAdapterIsMissing() {
    assertOneLineNamingTheAdapter(
        paw(ExitCodes.USAGE, "run", "mongodb", "find", "--pocket", "shop", "-p", "collection=a"));
  }

  @Test
  void theFileConnectorsAdapterIsFoundThroughTheSameServiceLoaderPoint() {
    assertThat(paw(ExitCodes.OK, "actions", "csv").printed()).contains("import_file");
  }
}
