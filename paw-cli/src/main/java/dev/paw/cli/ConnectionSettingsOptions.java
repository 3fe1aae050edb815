package dev.paw.cli;

import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.internal.adapter.SyncParams;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What {@code paw connect} stores with a connection besides credentials: {@code --param} values for
 * the sync sources' parameters a file leaves to the user, and {@code --endpoint} options of a REST
 * endpoint to sync; and the notes on streams that still cannot run.
 */
final class ConnectionSettingsOptions {

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "A value for a parameter of a sync stream's source action that the connector file leaves"
              + " to you (repeatable), e.g. --param spaceKey=TEAM: checked against the parameter's"
              + " declared type and values, stored with the connection and used by every sync.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--endpoint",
      paramLabel = "OPTION=VALUE",
      description =
          "Sync one REST endpoint without writing a file (repeatable; rest_generic): url (the path"
              + " below the base URL, or a whole URL), table, records, pagination (a style) and"
              + " pagination.param, pagination.path, pagination.size_param, pagination.size...,"
              + " primary_key, write_mode (merge, replace, append), max_pages, schedule. Checked"
              + " like a connector file; the columns are inferred from the first page.")
  Map<String, String> endpoint = new LinkedHashMap<>();

  /** Refuses a misspelt or mistyped {@code --param}, before anything is stored. */
  void check(ConnectorSpec spec) {
    SyncParams.check(spec, params);
  }

  ConnectOptions options(String baseUrl) {
    return new ConnectOptions(baseUrl, new LinkedHashMap<>(params), endpoint);
  }

  /** One note per stream that still cannot run, saying what to add and where. */
  static void printNotes(ConnectorSpec spec, PrintWriter err) {
    for (StreamSpec stream : spec.streams()) {
      String why = SyncParams.whyNotRunnable(spec, stream);
      if (why != null) {
        err.println("paw: note: " + why);
      }
    }
  }
}
