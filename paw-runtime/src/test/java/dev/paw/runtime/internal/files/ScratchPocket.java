package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A real pocket.db in a temporary directory, with the file actions bound to it and helpers to look
 * inside.
 */
final class ScratchPocket implements AutoCloseable {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  final Path dir;
  final Path database;
  final Connection connection;
  final FileActions actions;

  ScratchPocket(Path dir) throws SQLException {
    this(dir, ImportLimits.DEFAULTS);
  }

  ScratchPocket(Path dir, ImportLimits limits) throws SQLException {
    this.dir = dir;
    this.database = dir.resolve("pocket.db");
    this.connection = DriverManager.getConnection("jdbc:sqlite:" + database);
    this.actions = new FileActions(limits, CLOCK);
  }

  Path write(String name, String content) throws IOException {
    return write(name, content, StandardCharsets.UTF_8);
  }

  Path write(String name, String content, Charset charset) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(charset));
  }

  Path writeBytes(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  ImportResult importFile(Path file) {
    return actions.importFile(connection, ImportRequest.of(file));
  }

  ImportResult importFile(ImportRequest request) {
    return actions.importFile(connection, request);
  }

  /** Every row of a query, values as JDBC returns them. */
  List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Each row's values with their SQLite storage class, e.g. {@code integer:7}, {@code text:007},
   * {@code null}.
   */
  List<String> typed(String table, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    for (List<Object> row :
        rows(
            "SELECT typeof(\""
                + column
                + "\") || ':' || coalesce(\""
                + column
                + "\", '') FROM \""
                + table
                + "\" ORDER BY _rowid_")) {
      String value = (String) row.get(0);
      values.add(value.startsWith("null:") ? "null" : value);
    }
    return values;
  }

  /**
   * The whole database (schema, then every row of every table) as text: equal snapshots mean
   * nothing changed.
   */
  String snapshot() throws SQLException {
    StringBuilder dump = new StringBuilder();
    List<String> tables = new ArrayList<>();
    for (List<Object> row : rows("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")) {
      dump.append(row).append('\n');
      if ("table".equals(row.get(0))) {
        tables.add((String) row.get(1));
      }
    }
    for (String table : tables) {
      dump.append(table)
          .append(": ")
          .append(rows("SELECT * FROM \"" + table + "\" ORDER BY _rowid_"))
          .append('\n');
    }
    return dump.toString();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
