package dev.paw.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.TableSchema;
import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ConnectorSpec;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each synced table of a connected connector as an MCP resource ({@code
 * paw://POCKET/tables/TABLE}): its schema, row count, last sync and the first rows, read fresh on
 * every read through a read-only connection.
 */
public final class TableResources {

  static final int PREVIEW_ROWS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Paw paw;
  private final Pocket pocket;
  private final ConnectedConnectors connectors;

  /** {@code paw} reads only: it never runs an action. */
  public TableResources(Paw paw, Pocket pocket, ConnectedConnectors connectors) {
    this.paw = paw;
    this.pocket = pocket;
    this.connectors = connectors;
  }

  public List<SyncResourceSpecification> resources() {
    List<SyncResourceSpecification> resources = new ArrayList<>();
    for (ConnectorSpec spec : connectors.specs()) {
      ConnectorProtocol connector = paw.connector(pocket, spec.name());
      for (TableSchema table : connector.schema()) {
        String uri = "paw://" + pocket.slug() + "/tables/" + table.table();
        McpSchema.Resource resource =
            McpSchema.Resource.builder()
                .uri(uri)
                .name(table.table())
                .title(
                    ToolText.clean(
                            spec.displayName() == null ? spec.name() : spec.displayName(), 80)
                        + ": "
                        + table.table())
                .description(
                    "Table "
                        + table.table()
                        + " of pocket '"
                        + pocket.name()
                        + "', synced by "
                        + spec.name()
                        + ": its columns, row count, last sync and first "
                        + PREVIEW_ROWS
                        + " rows. Query it with the query tool.")
                .mimeType("application/json")
                .build();
        resources.add(
            new SyncResourceSpecification(
                resource, (exchange, request) -> read(uri, spec.name(), table)));
      }
    }
    return resources;
  }

  private McpSchema.ReadResourceResult read(String uri, String connector, TableSchema table) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("table", table.table());
    answer.put("connector", connector);
    answer.put(
        "columns",
        table.columns().stream()
            .map(
                c -> {
                  Map<String, Object> column = new LinkedHashMap<>();
                  column.put("name", c.name());
                  column.put("type", c.sqlType());
                  column.put("from", c.from());
                  return column;
                })
            .toList());
    answer.put("primaryKey", table.primaryKey());
    try (Connection db = pocket.openReadOnlyConnection()) {
      answer.put("rowCount", count(db, table.table()));
      answer.put("lastSync", lastSync(table.table()));
      answer.put("preview", preview(db, table.table()));
    } catch (SQLException e) {
      answer.put("error", "could not read the table: " + e.getMessage());
    }
    try {
      return new McpSchema.ReadResourceResult(
          List.of(
              new McpSchema.TextResourceContents(
                  uri,
                  "application/json",
                  JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> lastSync(String table) throws SQLException {
    Map<String, Object> sync = new LinkedHashMap<>();
    for (Pocket.TableSyncStatus status : pocket.syncStatus()) {
      if (status.table().equals(table)) {
        sync.put("startedAt", String.valueOf(status.lastStartedAt()));
        sync.put("finishedAt", String.valueOf(status.lastFinishedAt()));
        sync.put("outcome", status.lastOutcome());
        sync.put("rows", status.lastRows());
        sync.put("inProgress", status.inProgress());
        if (status.lastError() != null) {
          sync.put("error", status.lastError());
        }
      }
    }
    if (sync.isEmpty()) {
      sync.put("outcome", "never synced (the sync tool syncs it)");
    }
    return sync;
  }

  private static long count(Connection db, String table) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static List<Map<String, Object>> preview(Connection db, String table)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT * FROM " + quote(table) + " LIMIT " + PREVIEW_ROWS)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
