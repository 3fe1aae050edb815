package dev.paw.cli;

import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.pocket.Pocket.TableSyncStatus;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.StreamSpec;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code paw connectors status}: per connection, its state, last sync, next scheduled sync and last
 * error.
 */
@Command(
    name = "status",
    description =
        "Show each connection: state, last sync (time, rows, outcome), next"
            + " scheduled sync, last error.")
final class StatusCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin PocketOption.Only pocketOption;

  @Mixin JsonOption json;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws SQLException {
    Paw paw = context.paw();
    List<Pocket> pockets = pocketOption.selected(context);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Pocket pocket : pockets) {
      List<TableSyncStatus> syncs = pocket.syncStatus();
      for (ConnectionRecord connection : pocket.connections()) {
        Optional<RegisteredConnector> connector = paw.findConnector(connection.connector());
        List<StreamSpec> streams =
            connector
                .map(c -> c.spec().streams().stream().filter(StreamSpec::isRunnable).toList())
                .orElse(List.of());
        if (streams.isEmpty()) {
          rows.add(row(pocket, connection, null, null));
        }
        for (StreamSpec stream : streams) {
          TableSyncStatus sync =
              syncs.stream().filter(s -> s.table().equals(stream.table())).findFirst().orElse(null);
          rows.add(row(pocket, connection, stream, sync));
        }
      }
    }
    if (json.enabled) {
      Output.json(context.terminal().out(), rows);
    } else if (rows.isEmpty()) {
      context
          .terminal()
          .out()
          .println(
              "no connections"
                  + (pocketOption.name == null ? "" : " in pocket '" + pocketOption.name + "'")
                  + "; connect one with: paw connect NAME --pocket POCKET");
    } else {
      Output.table(
          context.terminal().out(),
          List.of(
              "POCKET",
              "CONNECTOR",
              "STATE",
              "TABLE",
              "LAST SYNC",
              "ROWS",
              "OUTCOME",
              "NEXT SYNC",
              "LAST ERROR"),
          rows.stream()
              .map(
                  r ->
                      List.<Object>of(
                          r.get("pocket"),
                          r.get("connector"),
                          r.get("state"),
                          show(r.get("table")),
                          show(r.get("last_sync")),
                          show(r.get("last_rows")),
                          show(r.get("outcome")),
                          show(r.get("next_sync")),
                          show(r.get("last_error"))))
              .toList());
    }
    return ExitCodes.OK;
  }

  private static Object show(Object value) {
    return value == null ? "-" : value;
  }

  private static Map<String, Object> row(
      Pocket pocket, ConnectionRecord connection, StreamSpec stream, TableSyncStatus sync) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("pocket", pocket.name());
    row.put("connector", connection.connector());
    row.put(
        "state",
        sync != null && sync.inProgress()
            ? "syncing"
            : connection.state().name().toLowerCase(Locale.ROOT));
    row.put("table", stream == null ? null : stream.table());
    row.put("last_sync", sync == null ? null : sync.lastFinishedAt());
    row.put("last_rows", sync == null ? null : sync.lastRows());
    row.put("outcome", sync == null ? null : sync.lastOutcome());
    row.put("next_sync", stream == null ? null : nextSync(stream, sync));
    String error =
        sync != null && sync.lastError() != null ? sync.lastError() : connection.lastError();
    row.put("last_error", error);
    return row;
  }

  private static String nextSync(StreamSpec stream, TableSyncStatus sync) {
    if (stream.schedule().isManual()) {
      return "manual";
    }
    Instant last = sync == null ? null : sync.lastFinishedAt();
    return last == null
        ? "when the daemon starts"
        : last.plus(stream.schedule().interval()).toString();
  }
}
