package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A CSV or TSV file (or any single-character delimiter), with or without a header row. */
final class CsvSource implements TabularSource {

  private final Path file;
  private final String name;
  private final String format;
  private final char delimiter;
  private final Charset charset;
  private final boolean hasHeader;
  private final ImportLimits limits;
  private final List<String> headers;

  CsvSource(
      Path file,
      String format,
      char delimiter,
      Charset charset,
      boolean hasHeader,
      ImportLimits limits)
      throws IOException {
    this.file = file;
    this.name = file.getFileName().toString();
    this.format = format;
    this.delimiter = delimiter;
    this.charset = charset;
    this.hasHeader = hasHeader;
    this.limits = limits;
    try (CsvRowReader reader = newReader()) {
      String[] first = reader.nextRecord();
      if (first == null) {
        throw FileActionException.at(name, 0, "is empty: there is no header and no data");
      }
      int width = reader.fieldCount();
      if (width > limits.maxColumns()) {
        throw FileActionException.at(
            name, reader.line(), "has " + width + " columns; the limit is " + limits.maxColumns());
      }
      this.headers =
          hasHeader
              ? Collections.unmodifiableList(
                  new ArrayList<>(Arrays.asList(first).subList(0, width)))
              : Collections.nCopies(width, null);
    }
  }

  private CsvRowReader newReader() throws IOException {
    return new CsvRowReader(
        file, name, delimiter, charset, limits.maxFieldChars(), limits.maxColumns());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String format() {
    return format;
  }

  @Override
  public List<String> headers() {
    return headers;
  }

  @Override
  public boolean hasHeader() {
    return hasHeader;
  }

  @Override
  public RowReader open() throws IOException {
    CsvRowReader reader = newReader();
    if (hasHeader) {
      reader.nextRecord();
    }
    reader.width(headers.size(), hasHeader ? "the header" : "the first row");
    return reader;
  }
}
