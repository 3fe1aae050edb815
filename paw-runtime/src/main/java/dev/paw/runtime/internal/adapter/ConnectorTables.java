package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ConnectorProtocol.RowReader;
import dev.paw.runtime.ConnectorProtocol.TableSchema;
import dev.paw.runtime.internal.mapping.ResultSetRow;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TableDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The tables a connector syncs in its pocket: creating them, their schema, reading their rows. */
final class ConnectorTables {

  private final Pocket pocket;
  private final ConnectorSpec spec;

  ConnectorTables(Pocket pocket, ConnectorSpec spec) {
    this.pocket = pocket;
    this.spec = spec;
  }

  /** Creates every runnable stream's table that does not exist yet; returns their names. */
  List<String> create() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection db = PocketDatabase.open(pocket);
        Statement statement = db.createStatement()) {
      for (StreamSpec stream : spec.streams()) {
        if (stream.isRunnable()) {
          statement.execute(TableDdl.of(stream));
          tables.add(stream.table());
        }
      }
    }
    return tables;
  }

  <R> List<R> rows(String table, RowReader<R> reader) {
    StreamSpec stream =
        spec.stream(table)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '" + spec.name() + "' syncs no table '" + table + "'"));
    String columns =
        stream.columns().stream()
            .map(ColumnSpec::name)
            .map(SqlNames::quote)
            .collect(Collectors.joining(", "));
    String order =
        stream.primaryKey().isEmpty()
            ? "rowid"
            : stream.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    List<R> rows = new ArrayList<>();
    try (Connection db = PocketDatabase.open(pocket);
        Statement statement = db.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT "
                    + columns
                    + " FROM "
                    + SqlNames.quote(stream.table())
                    + " ORDER BY "
                    + order)) {
      ResultSetRow row = new ResultSetRow(rs);
      while (rs.next()) {
        rows.add(reader.read(row));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read table " + stream.table() + ": " + e.getMessage(), e);
    }
    return rows;
  }

  List<TableSchema> schema() {
    return spec.streams().stream()
        .filter(StreamSpec::isRunnable)
        .map(
            stream ->
                new TableSchema(
                    stream.table(),
                    TableDdl.of(stream),
                    stream.columns().stream()
                        .map(c -> new TableSchema.Column(c.name(), c.type().sqlType(), c.from()))
                        .toList(),
                    stream.primaryKey()))
        .toList();
  }
}
