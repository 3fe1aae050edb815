package dev.paw.runtime.internal.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.paw.spec.SqlNames;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Runs {@code export_table}. CSV gives back an imported file's values exactly: the original header
 * text, each value rendered by its column's {@link ColumnFormat format}, NULL as an empty field and
 * the empty string as {@code ""} (quoting is otherwise minimal, lines end in CRLF, the encoding is
 * UTF-8). JSON writes an array of objects keyed by header, with typed values. The file is written
 * beside the target and moved into place, so a failed export leaves no half-written file. A
 * spreadsheet-safe CSV export gives up the exact round trip for cells that a spreadsheet would run
 * as formulas (see {@link SpreadsheetSafeCells}).
 */
final class TableExporter {

  ExportResult export(Connection connection, String tableName, Path output, ExportFormat format) {
    return export(connection, tableName, output, format, false);
  }

  ExportResult export(
      Connection connection,
      String tableName,
      Path output,
      ExportFormat format,
      boolean spreadsheetSafe) {
    if (spreadsheetSafe && format != ExportFormat.CSV) {
      throw new FileActionException(
          "spreadsheet_safe applies to csv exports only, not " + format.wireName());
    }
    try {
      String table = Tables.requireUserTable(connection, tableName);
      TableLayout layout = ImportCatalog.layout(connection, table);
      Path target = output.toAbsolutePath();
      if (Files.isDirectory(target)) {
        throw FileActionException.at(
            output.toString(), 0, "is a directory; give the path of the file to write");
      }
      Path directory = target.getParent();
      if (directory == null || !Files.isDirectory(directory)) {
        throw FileActionException.at(output.toString(), 0, "its directory does not exist");
      }
      Path partial = Files.createTempFile(directory, "." + target.getFileName(), ".partial");
      long rows;
      try {
        rows =
            format == ExportFormat.CSV
                ? writeCsv(connection, layout, partial, spreadsheetSafe)
                : writeJson(connection, layout, partial);
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return new ExportResult(
          table, target.toString(), format.wireName(), rows, Files.size(target));
    } catch (SQLException e) {
      throw new FileActionException("cannot export '" + tableName + "': " + e.getMessage(), e);
    } catch (IOException e) {
      throw new FileActionException(output + ": cannot write: " + e, e);
    }
  }

  private static long writeCsv(
      Connection connection, TableLayout layout, Path file, boolean spreadsheetSafe)
      throws IOException, SQLException {
    List<ColumnLayout> columns = layout.columns();
    UnaryOperator<String> cell =
        spreadsheetSafe ? SpreadsheetSafeCells::neutralise : UnaryOperator.identity();
    try (CsvWriter csv =
            CsvWriter.builder()
                .quoteStrategy(
                    spreadsheetSafe ? SpreadsheetSafeCells.QUOTES : QuoteStrategies.EMPTY)
                .lineDelimiter(LineDelimiter.CRLF)
                .build(file, StandardCharsets.UTF_8);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(select(layout))) {
      String[] record = new String[columns.size()];
      if (layout.hasHeader()) {
        for (int i = 0; i < record.length; i++) {
          ColumnLayout column = columns.get(i);
          record[i] = cell.apply(layout.imported() ? column.header() : column.name());
        }
        csv.writeRecord(record);
      }
      long rows = 0;
      while (rs.next()) {
        for (int i = 0; i < record.length; i++) {
          record[i] = cell.apply(columns.get(i).format().text(rs, i + 1));
        }
        csv.writeRecord(record);
        rows++;
      }
      return rows;
    }
  }

  private static long writeJson(Connection connection, TableLayout layout, Path file)
      throws IOException, SQLException {
    List<ColumnLayout> columns = layout.columns();
    List<String> keys = jsonKeys(columns);
    JsonFactory factory = new JsonFactory();
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator json =
            factory
                .createGenerator(out, JsonEncoding.UTF8)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(select(layout))) {
      json.writeStartArray();
      long rows = 0;
      while (rs.next()) {
        json.writeRaw('\n');
        json.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
          json.writeFieldName(keys.get(i));
          writeValue(json, columns.get(i).format().json(rs, i + 1));
        }
        json.writeEndObject();
        rows++;
      }
      json.writeRaw('\n');
      json.writeEndArray();
      json.writeRaw('\n');
      return rows;
    }
  }

  /**
   * Header texts as keys, unless two are the same (or missing): then column names, which are
   * unique.
   */
  private static List<String> jsonKeys(List<ColumnLayout> columns) {
    Set<String> seen = new HashSet<>();
    boolean unique = columns.stream().allMatch(c -> c.header() != null && seen.add(c.header()));
    return columns.stream().map(c -> unique ? c.header() : c.name()).collect(Collectors.toList());
  }

  static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Long) {
      json.writeNumber((Long) value);
    } else if (value instanceof BigDecimal) {
      json.writeNumber((BigDecimal) value);
    } else if (value instanceof Double) {
      json.writeNumber((Double) value);
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof byte[]) {
      json.writeBinary((byte[]) value);
    } else if (value instanceof JsonLiteral literal) {
      json.writeRawValue(literal.text());
    } else {
      json.writeString(value.toString());
    }
  }

  /** Every column in layout order; imported tables in the order their rows were imported. */
  static String select(TableLayout layout) {
    String columns =
        layout.columns().stream()
            .map(c -> SqlNames.quote(c.name()))
            .collect(Collectors.joining(", "));
    return "SELECT "
        + columns
        + " FROM "
        + SqlNames.quote(layout.table())
        + (layout.imported() ? " ORDER BY _rowid_" : "");
  }
}
