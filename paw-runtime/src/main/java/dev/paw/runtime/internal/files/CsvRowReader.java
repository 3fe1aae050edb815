package dev.paw.runtime.internal.files;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Spliterator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One pass over a delimited text file with FastCSV: RFC 4180 quoting (delimiters, doubled quotes
 * and CR, LF or CRLF line breaks inside quotes), strict decoding, and every row checked to have
 * exactly as many fields as the header. Empty lines are skipped, except in a one-column file, where
 * an empty line is a row whose value is NULL (which is how such a row is written).
 */
final class CsvRowReader implements RowReader {

  /** FastCSV reads 8 KiB at a time and needs room for a read beside a partly read field. */
  private static final int READ_ROOM = 2 * 8192;

  private final Path file;
  private final String name;
  private final Charset charset;
  private final int maxFieldChars;
  private final FieldCollector collector;
  private final CsvReader<FieldCollector> reader;
  private final Spliterator<FieldCollector> records;
  private int width = -1;
  private String widthFrom = "the header";
  private long dataRows;
  private final AtomicLong bytes = new AtomicLong();

  CsvRowReader(
      Path file, String name, char delimiter, Charset charset, int maxFieldChars, int maxColumns)
      throws IOException {
    this.file = file;
    this.name = name;
    this.charset = charset;
    this.maxFieldChars = maxFieldChars;
    this.collector = new FieldCollector(maxColumns + 1, maxFieldChars);
    this.reader =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .quoteCharacter('"')
            .commentStrategy(CommentStrategy.NONE)
            .skipEmptyLines(false) // decided here: see nextRecord()
            .allowUnclosedQuote(
                false) // FastCSV's default would take the rest of the file as one value
            .allowExtraCharsAfterClosingQuote(false)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE) // checked here, with a better message
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .maxBufferSize(
                maxFieldChars
                    + READ_ROOM) // the buffer holds a field plus one read; the collector checks
            .build(collector, StrictText.open(file, charset, bytes));
    this.records = reader.spliterator();
  }

  @Override
  public long bytesRead() {
    return bytes.get();
  }

  /**
   * Reads the next record and returns its fields (valid until the next call), or {@code null} at
   * the end. Callers read the header with this; rows go through {@link #next}.
   */
  String[] nextRecord() {
    boolean read;
    try {
      do {
        read = records.tryAdvance(record -> {});
      } while (read && collector.emptyLine() && width != 1);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw StrictText.encodingError(file, name, charset);
      }
      throw new FileActionException(
          name, collector.line(), null, "cannot read: " + e.getCause().getMessage(), e);
    } catch (CsvParseException e) {
      throw parseError(e);
    }
    return read ? collector.fields() : null;
  }

  private FileActionException parseError(CsvParseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e.getCause() instanceof FieldCollector.FieldTooLong
        || message.contains("maximum buffer size")) {
      return FileActionException.at(
          name,
          collector.line(),
          "a field is longer than the limit of "
              + String.format(Locale.ROOT, "%,d", maxFieldChars)
              + " characters"
              + (maxFieldChars >= 1 << 20 ? " (" + (maxFieldChars >> 20) + " MiB)" : "")
              + "; is a quote left open?");
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof CharacterCodingException) {
      return StrictText.encodingError(file, name, charset);
    }
    return new FileActionException(
        name, collector.line(), null, "not valid CSV: " + cause.getMessage(), e);
  }

  /**
   * The number of fields every row must have, and what fixed it ("the header", "the first row").
   */
  void width(int width, String widthFrom) {
    this.width = width;
    this.widthFrom = widthFrom;
  }

  int fieldCount() {
    return collector.count();
  }

  @Override
  public boolean next(String[] values, byte[] kinds, int offset) {
    String[] fields = nextRecord();
    if (fields == null) {
      return false;
    }
    dataRows++;
    int count = collector.count();
    if (count != width) {
      throw FileActionException.at(
          name,
          collector.line(),
          "row "
              + dataRows
              + " has "
              + count
              + " field"
              + (count == 1 ? "" : "s")
              + ", but "
              + widthFrom
              + " has "
              + width
              + " (an unquoted delimiter or line break in a value?)");
    }
    System.arraycopy(fields, 0, values, offset, width);
    Arrays.fill(kinds, offset, offset + width, ValueKind.PLAIN);
    return true;
  }

  @Override
  public long line() {
    return collector.line();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
