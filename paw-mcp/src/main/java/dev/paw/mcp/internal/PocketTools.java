package dev.paw.mcp.internal;

import dev.paw.runtime.ConnectorProtocol.SyncOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.internal.files.FileActionException;
import dev.paw.runtime.internal.files.FileActions;
import dev.paw.runtime.internal.files.QueryResult;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The pocket's own tools: {@code query} (read-only SQL on the same read-only connection as {@code
 * query_table}, with a row limit) and {@code sync} (a connector's tables, through the runtime's
 * sync, audited).
 */
public final class PocketTools {

  static final String QUERY = "query";
  static final String SYNC = "sync";
  private static final List<String> QUERY_PARAMETERS = List.of("sql", "limit");
  private static final List<String> SYNC_PARAMETERS = List.of("connector", "table", "full");
  static final int DEFAULT_ROWS = 100;
  static final int MAX_ROWS = 1000;

  private final ConnectedConnectors connectors;
  private final Sessions sessions;
  private final FileActions files = new FileActions();

  public PocketTools(ConnectedConnectors connectors, Sessions sessions) {
    this.connectors = connectors;
    this.sessions = sessions;
  }

  public static java.util.Set<String> names() {
    return java.util.Set.of(QUERY, SYNC);
  }

  public List<SyncToolSpecification> tools() {
    return List.of(query(), sync());
  }

  private SyncToolSpecification query() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "sql",
        Map.of(
            "type",
            "string",
            "description",
            "One SQL statement (SQLite). The connection cannot write, whatever the statement."));
    properties.put(
        "limit",
        Map.of(
            "type",
            "integer",
            "minimum",
            1,
            "maximum",
            MAX_ROWS,
            "default",
            DEFAULT_ROWS,
            "description",
            "The most rows to return"));
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(QUERY)
            .title("Query pocket '" + connectors.pocketName() + "'")
            .description(
                "Run a read-only SQL query on the tables synced into pocket '"
                    + connectors.pocketName()
                    + "' (each table is also a resource with its schema and a preview). At most "
                    + MAX_ROWS
                    + " rows.")
            .inputSchema(InputSchemas.object(properties, List.of("sql")))
            .annotations(
                McpSchema.ToolAnnotations.builder()
                    .title("Query the pocket")
                    .readOnlyHint(true)
                    .idempotentHint(true)
                    .openWorldHint(false)
                    .build())
            .build();
    return SyncToolSpecification.builder().tool(tool).callHandler(this::runQuery).build();
  }

  private CallToolResult runQuery(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
    if (!(args.get("sql") instanceof String sql) || sql.isBlank()) {
      return ToolResults.error("parameter 'sql' is required: one SQL statement");
    }
    int limit = DEFAULT_ROWS;
    Object given = args.get("limit");
    if (given != null) {
      if (!(given instanceof Number number)
          || number.doubleValue() != Math.rint(number.doubleValue())
          || number.longValue() < 1
          || number.longValue() > MAX_ROWS) {
        return ToolResults.error(
            "parameter 'limit' must be a whole number from 1 to " + MAX_ROWS + ", not " + given);
      }
      limit = number.intValue();
    }
    CallToolResult unknown = unknownParameter(args, QUERY, QUERY_PARAMETERS);
    if (unknown != null) {
      return unknown;
    }
    Paw paw = sessions.of(exchange).paw();
    Pocket pocket = paw.pocket(connectors.pocketName());
    try {
      QueryResult result = files.queryTable(pocket::openReadOnlyConnection, sql, limit);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("columns", result.columns());
      answer.put("rows", result.rows());
      answer.put("truncated", result.truncated());
      if (result.truncated()) {
        answer.put("note", "more rows than the limit of " + limit + "; only the first are shown");
      }
      return ToolResults.json(answer);
    } catch (FileActionException e) {
      return ToolResults.error(e.getMessage());
    }
  }

  private SyncToolSpecification sync() {
    List<String> names = connectors.specs().stream().map(ConnectorSpec::name).toList();
    List<String> tables = new ArrayList<>();
    connectors.specs().forEach(s -> s.streams().forEach(t -> tables.add(t.table())));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "connector",
        names.isEmpty()
            ? Map.of("type", "string", "description", "A connector connected to the pocket")
            : Map.of("type", "string", "enum", names, "description", "A connected connector"));
    properties.put(
        "table",
        tables.isEmpty()
            ? Map.of("type", "string", "description", "One table; all of them when left out")
            : Map.of(
                "type",
                "string",
                "enum",
                tables,
                "description",
                "One of the connector's tables; all of them when left out"));
    properties.put(
        "full",
        Map.of(
            "type",
            "boolean",
            "default",
            false,
            "description",
            "Re-read everything from the service, then remove the rows it no longer has (repairs a"
                + " table that went stale; slower than the usual sync from the stored position)"));
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(SYNC)
            .title("Sync a connector's tables")
            .description(
                "Fetch fresh data from a connected service into pocket '"
                    + connectors.pocketName()
                    + "' (it reads from the service and writes only to the pocket).")
            .inputSchema(InputSchemas.object(properties, List.of("connector")))
            .annotations(
                McpSchema.ToolAnnotations.builder()
                    .title("Sync")
                    .readOnlyHint(false)
                    .destructiveHint(false)
                    .idempotentHint(true)
                    .openWorldHint(true)
                    .build())
            .build();
    return SyncToolSpecification.builder().tool(tool).callHandler(this::runSync).build();
  }

  private CallToolResult runSync(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
    Object connector = args.get("connector");
    ConnectorSpec spec =
        connector instanceof String name ? connectors.spec(name).orElse(null) : null;
    if (spec == null) {
      return ToolResults.error(
          "parameter 'connector' must name a connected connector: "
              + connectors.specs().stream().map(ConnectorSpec::name).toList());
    }
    Object table = args.get("table");
    if (table != null && spec.streams().stream().map(StreamSpec::table).noneMatch(table::equals)) {
      return ToolResults.error(
          "parameter 'table': "
              + spec.name()
              + " has no table '"
              + ToolText.clean(String.valueOf(table), 100)
              + "' (it has: "
              + spec.streams().stream().map(StreamSpec::table).toList()
              + ")");
    }
    Object full = args.getOrDefault("full", false);
    if (!(full instanceof Boolean)) {
      return ToolResults.error("parameter 'full' must be true or false, not " + full);
    }
    CallToolResult unknown = unknownParameter(args, SYNC, SYNC_PARAMETERS);
    if (unknown != null) {
      return unknown;
    }
    SyncOptions options = Boolean.TRUE.equals(full) ? SyncOptions.FULL : SyncOptions.DEFAULTS;
    SessionPaw session = sessions.of(exchange);
    return session.exclusive(
        new ElicitationPrompt(exchange),
        () -> {
          Paw paw = session.paw();
          Pocket pocket = paw.pocket(connectors.pocketName());
          try {
            List<SyncResult> results =
                table == null
                    ? paw.connector(pocket, spec.name())
                        .syncAll(options)
                        .toCompletableFuture()
                        .join()
                    : List.of(
                        paw.connector(pocket, spec.name())
                            .sync((String) table, options)
                            .toCompletableFuture()
                            .join());
            return ToolResults.json(
                Map.of("tables", results.stream().map(PocketTools::row).toList()));
          } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof SyncFailedException failed) {
              return ToolResults.error(
                  "sync of " + failed.table() + " failed: " + failed.getMessage());
            }
            return ToolResults.error("sync failed: " + cause.getMessage());
          }
        });
  }

  /**
   * The error for the first argument the tool does not take, or {@code null} when there is none.
   */
  private static CallToolResult unknownParameter(
      Map<String, Object> args, String tool, List<String> parameters) {
    for (String key : args.keySet()) {
      if (!parameters.contains(key)) {
        return ToolResults.error(
            "unknown parameter '"
                + ToolText.clean(key, 100)
                + "' ("
                + tool
                + " takes: "
                + String.join(", ", parameters)
                + ")");
      }
    }
    return null;
  }

  private static Map<String, Object> row(SyncResult r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("table", r.table());
    row.put("inserted", r.inserted());
    row.put("updated", r.updated());
    row.put("deleted", r.deleted());
    row.put("records", r.records());
    row.put("complete", r.complete());
    return row;
  }
}
