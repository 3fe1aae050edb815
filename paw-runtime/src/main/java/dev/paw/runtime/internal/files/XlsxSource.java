package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * One sheet of an Excel {@code .xlsx} workbook (the named one, else the first), streamed row by
 * row.
 */
final class XlsxSource implements TabularSource {

  private final Path file;
  private final String name;
  private final String sheetName;
  private final boolean hasHeader;
  private final ImportLimits limits;
  private final String resolvedSheet;
  private final List<String> headers;

  XlsxSource(Path file, String sheetName, boolean hasHeader, ImportLimits limits)
      throws IOException {
    this.file = file;
    this.name = file.getFileName().toString();
    this.sheetName = sheetName;
    this.hasHeader = hasHeader;
    this.limits = limits;
    try (ReadableWorkbook workbook = openWorkbook()) {
      Sheet sheet = sheet(workbook);
      this.resolvedSheet = sheet.getName();
      try (var rows = sheet.openStream()) {
        Row first =
            rows.filter(row -> XlsxRowReader.lastValueColumn(row) >= 0)
                .findFirst()
                .orElseThrow(
                    () ->
                        FileActionException.at(name, 0, "sheet '" + resolvedSheet + "' is empty"));
        int width = XlsxRowReader.lastValueColumn(first) + 1;
        if (width > limits.maxColumns()) {
          throw FileActionException.at(
              name,
              first.getRowNum(),
              "has " + width + " columns; the limit is " + limits.maxColumns());
        }
        if (hasHeader) {
          List<String> texts = new ArrayList<>(width);
          for (int column = 0; column < width; column++) {
            texts.add(XlsxRowReader.text(first.getCell(column), workbook));
          }
          this.headers = Collections.unmodifiableList(texts);
        } else {
          this.headers = Collections.nCopies(width, null);
        }
      }
    } catch (ExcelReaderException | UncheckedIOException e) {
      throw new FileActionException(
          name, 0, null, "is not a readable .xlsx workbook: " + e.getMessage(), e);
    }
  }

  ReadableWorkbook openWorkbook() throws IOException {
    try {
      return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    } catch (IOException | RuntimeException e) {
      throw new FileActionException(
          name,
          0,
          null,
          "is not a readable .xlsx workbook ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "); legacy .xls files must be saved as .xlsx first",
          e);
    }
  }

  Sheet sheet(ReadableWorkbook workbook) {
    if (sheetName == null || sheetName.isEmpty()) {
      return workbook.getFirstSheet();
    }
    return workbook
        .findSheet(sheetName)
        .orElseThrow(
            () ->
                FileActionException.at(
                    name,
                    0,
                    "has no sheet '"
                        + sheetName
                        + "'; its sheets: "
                        + workbook
                            .getSheets()
                            .map(Sheet::getName)
                            .collect(Collectors.joining(", "))));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String format() {
    return "xlsx";
  }

  @Override
  public List<String> headers() {
    return headers;
  }

  @Override
  public boolean hasHeader() {
    return hasHeader;
  }

  String sheetName() {
    return resolvedSheet;
  }

  @Override
  public RowReader open() throws IOException {
    return new XlsxRowReader(
        this, name + " [" + resolvedSheet + "]", headers.size(), hasHeader, limits.maxFieldChars());
  }
}
