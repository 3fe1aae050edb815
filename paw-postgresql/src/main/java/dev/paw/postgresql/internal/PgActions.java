package dev.paw.postgresql.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.LocalActions;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ActionSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * PocketPaw's postgresql actions over JDBC. Every read action runs in a read-only transaction with
 * a statement timeout; its names are checked against the catalogue and quoted ({@link Catalog}),
 * its values bound as parameters. {@code execute_query} runs the SQL it is given (the trust gate
 * asked first: its level is {@code confirm}) and returns at most {@code limit} rows.
 */
public final class PgActions implements LocalActions {

  /** The most rows preview_table and execute_query return, whatever limit is asked for. */
  static final int MAX_ROWS = 10_000;

  private final PgConnections connections;
  private final Duration timeout;

  public PgActions(PgConnections connections, Duration timeout) {
    this.connections = connections;
    this.timeout = timeout;
  }

  @Override
  public ActionResult run(ActionSpec action, Map<String, Object> params, Pocket pocket)
      throws Exception {
    long started = System.nanoTime();
    ObjectNode result;
    try (Connection connection = connections.open()) {
      result = run(action.name(), new Params(params), connection);
    } catch (SQLException e) {
      throw new PostgresException(action.name(), e);
    }
    return ActionResult.ofJson(
        action.name(), result, Duration.ofNanos(System.nanoTime() - started));
  }

  private ObjectNode run(String action, Params params, Connection connection) throws SQLException {
    if (action.equals("execute_query")) {
      return Transactions.readWrite(
          connection, timeout, c -> execute(c, params.text("query"), params.limit("limit")));
    }
    return Transactions.readOnly(
        connection,
        timeout,
        c ->
            switch (action) {
              case "list_schemas" -> query(c, Sql.LIST_SCHEMAS);
              case "list_tables" -> query(c, Sql.LIST_TABLES, schema(c, params));
              case "describe_table" -> query(c, Sql.DESCRIBE_TABLE, table(c, params).oid());
              case "preview_table" -> preview(c, table(c, params), params.limit("limit"));
              case "table_stats" -> query(c, Sql.TABLE_STATS, schema(c, params));
              case "list_indexes" -> query(c, Sql.LIST_INDEXES, table(c, params).oid());
              case "active_queries" -> query(c, Sql.ACTIVE_QUERIES);
              default ->
                  throw new IllegalArgumentException(
                      "the postgresql adapter has no action '" + action + "'");
            });
  }

  private static String schema(Connection connection, Params params) throws SQLException {
    return new Catalog(connection).schema(params.text("schema"));
  }

  private static Catalog.Table table(Connection connection, Params params) throws SQLException {
    return new Catalog(connection).table(params.text("schema"), params.text("table"));
  }

  private static ObjectNode query(Connection connection, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return ResultJson.of(rows, MAX_ROWS);
      }
    }
  }

  private static ObjectNode preview(Connection connection, Catalog.Table table, int limit)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT * FROM " + table.quoted() + " LIMIT ?")) {
      statement.setInt(1, limit);
      try (ResultSet rows = statement.executeQuery()) {
        return ResultJson.of(rows, limit);
      }
    }
  }

  private static ObjectNode execute(Connection connection, String sql, int limit)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(limit + 1);
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          return ResultJson.of(rows, limit);
        }
      }
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      result.put("updated_rows", statement.getLargeUpdateCount());
      return result;
    }
  }

  /** The action's checked parameters (the runtime applied the file's defaults). */
  private record Params(Map<String, Object> values) {
    String text(String name) {
      Object value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("parameter '" + name + "' is required");
      }
      return value.toString();
    }

    int limit(String name) {
      long limit = ((Number) values.get(name)).longValue();
      if (limit < 0 || limit > MAX_ROWS) {
        throw new IllegalArgumentException(
            "parameter '" + name + "' must be between 0 and " + MAX_ROWS + ", not " + limit);
      }
      return (int) limit;
    }
  }
}
