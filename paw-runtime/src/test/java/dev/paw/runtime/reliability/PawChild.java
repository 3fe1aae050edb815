package dev.paw.runtime.reliability;

import static dev.paw.runtime.SyncOutcomes.resultOf;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.PawBuilder;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.internal.credentials.EnvironmentCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.RecordsApi;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A paw process for the tests that need a separate JVM (to kill it with SIGKILL, or to race another
 * process). It prints one line per step to standard output, flushed, so the test can act at a
 * chosen point:
 *
 * <ul>
 *   <li>{@code sync HOME CONNECTORS BASE_URL}: connects the records connector to pocket "Crash" and
 *       syncs table {@code records} once, printing {@code page N} after each committed page and
 *       then {@code result ...}; {@code sync-full} the same as {@code paw sync --full} does.
 *   <li>{@code import HOME CONNECTORS FILE TABLE}: runs the csv connector's {@code import_file}
 *       (replace) into pocket "Crash", printing {@code importing} before and {@code imported N}
 *       after.
 * </ul>
 *
 * Run with the test class path: {@code java -cp <test class path>
 * dev.paw.runtime.reliability.PawChild ...}.
 */
public final class PawChild {

  private PawChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PawHome home = PawHome.at(Path.of(args[1]));
    Path connectors = Path.of(args[2]);
    PawBuilder builder =
        Paw.builder()
            .home(home)
            .connectorFolders(List.of(connectors))
            .credentials(new EnvironmentCredentialStore(Map.of("RECORDS_KEY", RecordsApi.API_KEY)))
            .actor("child")
            .listener(change -> out.println("page " + change.records()));
    try (Paw paw = builder.build()) {
      Pocket pocket = paw.pocket("Crash");
      switch (args[0]) {
        case "sync", "sync-full" -> {
          ConnectorProtocol records = paw.connector(pocket, "records");
          records
              .connect(ConnectOptions.baseUrl(args[3]).withoutCredentialCheck())
              .toCompletableFuture()
              .join();
          out.println("syncing");
          SyncResult result =
              resultOf(
                  args[0].equals("sync")
                      ? records.sync("records")
                      : records.sync("records", ConnectorProtocol.SyncOptions.FULL));
          out.println(
              "result complete="
                  + result.complete()
                  + " records="
                  + result.records()
                  + " error="
                  + result.error());
        }
        case "import" -> {
          ConnectorProtocol csv = paw.connector(pocket, "csv");
          out.println("importing");
          ActionResult result =
              csv.execute(
                      "import_file",
                      Map.of("file_path", args[3], "table_name", args[4], "mode", "replace"))
                  .toCompletableFuture()
                  .join();
          out.println("imported " + result.json().path("rows_imported").asLong(-1));
        }
        default -> throw new IllegalArgumentException("unknown step " + args[0]);
      }
    }
    out.println("done");
  }
}
