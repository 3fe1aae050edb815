package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * One pass over a sheet. A cell's value is the text the workbook stores (a number as written in the
 * file, so {@code 1.5} stays {@code 1.5}); a number formatted as a date becomes an ISO date or
 * date-time; text cells stay text. Blank rows are skipped; a value right of the header's last
 * column is an error.
 */
final class XlsxRowReader implements RowReader {

  /**
   * Seconds always, fractions of a second only when there are any ({@code 10:00:00}, {@code
   * 10:00:00.5}).
   */
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;
  private final String where;
  private final int width;
  private final int maxFieldChars;
  private long line;

  XlsxRowReader(XlsxSource source, String where, int width, boolean skipHeader, int maxFieldChars)
      throws IOException {
    this.workbook = source.openWorkbook();
    this.stream = source.sheet(workbook).openStream();
    this.rows = stream.filter(row -> lastValueColumn(row) >= 0).iterator();
    this.where = where;
    this.width = width;
    this.maxFieldChars = maxFieldChars;
    if (skipHeader && rows.hasNext()) {
      rows.next();
    }
  }

  @Override
  public boolean next(String[] values, byte[] kinds, int offset) {
    Row row;
    try {
      if (!rows.hasNext()) {
        return false;
      }
      row = rows.next();
    } catch (ExcelReaderException | UncheckedIOException e) {
      throw FileActionException.at(
          where,
          line + 1,
          "is not a readable .xlsx sheet after row " + line + ": " + e.getMessage());
    }
    line = row.getRowNum();
    int last = lastValueColumn(row);
    if (last >= width) {
      throw FileActionException.at(
          where,
          line,
          CellAddress.convertNumToColString(last),
          "row "
              + line
              + " has a value in column "
              + CellAddress.convertNumToColString(last)
              + ", right of the header's last column "
              + CellAddress.convertNumToColString(width - 1));
    }
    for (int column = 0; column < width; column++) {
      Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
      String text = text(cell, workbook);
      if (text != null && text.length() > maxFieldChars) {
        throw FileActionException.at(
            where,
            line,
            CellAddress.convertNumToColString(column),
            "cell "
                + CellAddress.convertNumToColString(column)
                + line
                + " is longer than the limit of "
                + maxFieldChars
                + " characters");
      }
      values[offset + column] = text;
      kinds[offset + column] = isText(cell) ? ValueKind.STRING : ValueKind.PLAIN;
    }
    return true;
  }

  /** The index of the row's last cell that holds a value, or -1 for a blank row. */
  static int lastValueColumn(Row row) {
    for (int column = row.getCellCount() - 1; column >= 0; column--) {
      if (text(row.getCell(column), null) != null) {
        return column;
      }
    }
    return -1;
  }

  private static boolean isText(Cell cell) {
    if (cell == null) {
      return false;
    }
    switch (cell.getType()) {
      case STRING:
      case ERROR:
        return true;
      case FORMULA:
        return cell.getValue() instanceof String;
      default:
        return false;
    }
  }

  /**
   * The cell's value as text; {@code null} for an empty cell (an empty text cell too: Excel shows
   * no difference).
   */
  static String text(Cell cell, ReadableWorkbook workbook) {
    if (cell == null) {
      return null;
    }
    Object value = cell.getValue();
    switch (cell.getType()) {
      case EMPTY:
        return null;
      case BOOLEAN:
        return Boolean.TRUE.equals(value) ? "true" : "false";
      case NUMBER:
        return number(cell, workbook);
      case FORMULA:
        if (value instanceof BigDecimal) {
          return number(cell, workbook);
        }
        if (value instanceof Boolean) {
          return (Boolean) value ? "true" : "false";
        }
        return value == null || value.toString().isEmpty() ? null : value.toString();
      default:
        String text = value == null ? null : value.toString();
        return text == null || text.isEmpty() ? null : text;
    }
  }

  private static String number(Cell cell, ReadableWorkbook workbook) {
    String raw = cell.getRawValue();
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (workbook != null && isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
      LocalDateTime dateTime = cell.asDate();
      return dateTime.toLocalTime().toNanoOfDay() == 0
          ? dateTime.toLocalDate().toString()
          : DATE_TIME.format(dateTime);
    }
    return raw;
  }

  /**
   * Excel's built-in date formats, or a custom format with date or time letters outside quotes and
   * brackets.
   */
  static boolean isDateFormat(Integer id, String format) {
    if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
      return true;
    }
    if (format == null || format.isEmpty() || format.equalsIgnoreCase("General")) {
      return false;
    }
    String bare =
        format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^\\]]*\\]", "").replaceAll("\\\\.", "");
    return bare.matches(".*[dDmMyYhHsS].*");
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public void close() throws IOException {
    try {
      stream.close();
    } finally {
      workbook.close();
    }
  }
}
