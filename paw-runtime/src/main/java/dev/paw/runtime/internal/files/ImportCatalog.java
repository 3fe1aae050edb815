package dev.paw.runtime.internal.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code _paw_imports} table: one row per import, holding what SQLite cannot (the file, when,
 * how many rows, the original header text and each column's exact {@link ColumnFormat format}). The
 * newest row of a table describes its current layout; replacing or dropping a table forgets its
 * older rows.
 */
final class ImportCatalog {

  static final String TABLE = "_paw_imports";

  /**
   * jackson-core only: an ObjectMapper costs a quarter of a second to start, which a CLI import
   * would pay.
   */
  private static final JsonFactory JSON = new JsonFactory();

  /** One import, as recorded. */
  record Entry(
      String table,
      String sourceFile,
      String sourceFormat,
      String mode,
      String importedAt,
      long rows,
      boolean hasHeader,
      List<ColumnLayout> columns) {}

  private ImportCatalog() {}

  static void ensureExists(Connection connection) throws SQLException {
    Tables.execute(
        connection,
        "CREATE TABLE IF NOT EXISTS "
            + TABLE
            + " ("
            + "id INTEGER PRIMARY KEY, "
            + "table_name TEXT NOT NULL COLLATE NOCASE, "
            + "source_file TEXT NOT NULL, "
            + "source_format TEXT NOT NULL, "
            + "mode TEXT NOT NULL, "
            + "imported_at TEXT NOT NULL, "
            + "rows_imported INTEGER NOT NULL, "
            + "has_header INTEGER NOT NULL, "
            + "columns TEXT NOT NULL)");
  }

  private static boolean exists(Connection connection) throws SQLException {
    return Tables.exists(connection, TABLE);
  }

  static void record(Connection connection, Entry entry) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " (table_name, source_file, source_format, mode, imported_at, rows_imported, has_header, columns)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, entry.table());
      insert.setString(2, entry.sourceFile());
      insert.setString(3, entry.sourceFormat());
      insert.setString(4, entry.mode());
      insert.setString(5, entry.importedAt());
      insert.setLong(6, entry.rows());
      insert.setInt(7, entry.hasHeader() ? 1 : 0);
      insert.setString(8, columnsJson(entry.columns()));
      insert.executeUpdate();
    }
  }

  static void forget(Connection connection, String table) throws SQLException {
    if (!exists(connection)) {
      return;
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + TABLE + " WHERE table_name = ?")) {
      delete.setString(1, table);
      delete.executeUpdate();
    }
  }

  /** The newest import of {@code table}, if it was imported. */
  static Optional<Entry> latest(Connection connection, String table) throws SQLException {
    if (!exists(connection)) {
      return Optional.empty();
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT table_name, source_file, source_format, mode,"
                + " imported_at, rows_imported, has_header, columns FROM "
                + TABLE
                + " WHERE table_name = ? ORDER BY id DESC LIMIT 1")) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Entry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getInt(7) != 0,
                parseColumns(rs.getString(8))));
      }
    }
  }

  /**
   * How to read {@code table} back: its import's layout, or one derived from its declared column
   * types.
   */
  static TableLayout layout(Connection connection, String table) throws SQLException {
    Optional<Entry> entry = latest(connection, table);
    if (entry.isPresent()) {
      return new TableLayout(table, entry.get().columns(), true, entry.get().hasHeader());
    }
    List<ColumnLayout> columns = new ArrayList<>();
    for (Tables.Column column : Tables.columns(connection, table)) {
      columns.add(
          new ColumnLayout(column.name(), null, ColumnFormat.NATIVE, column.declaredType()));
    }
    return new TableLayout(table, columns, false, true);
  }

  private static String columnsJson(List<ColumnLayout> columns) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartArray();
      for (ColumnLayout column : columns) {
        json.writeStartObject();
        json.writeStringField("name", column.name());
        json.writeStringField("header", column.header());
        json.writeStringField("type", column.format().sqlType());
        json.writeStringField("format", column.format().code());
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a column layout", e);
    }
    return text.toString();
  }

  private static List<ColumnLayout> parseColumns(String text) throws SQLException {
    List<ColumnLayout> columns = new ArrayList<>();
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("not an array");
      }
      while (json.nextToken() == JsonToken.START_OBJECT) {
        String name = null;
        String header = null;
        String format = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String field = json.currentName();
          json.nextToken();
          String value = json.currentToken() == JsonToken.VALUE_NULL ? null : json.getText();
          switch (field) {
            case "name":
              name = value;
              break;
            case "header":
              header = value;
              break;
            case "format":
              format = value;
              break;
            default:
              json.skipChildren();
          }
        }
        if (name == null || format == null) {
          throw new IOException("a column without name or format");
        }
        columns.add(new ColumnLayout(name, header, ColumnFormat.parse(format)));
      }
      return columns;
    } catch (IOException | RuntimeException e) {
      throw new SQLException(TABLE + " holds a column layout paw cannot read: " + text, e);
    }
  }
}
