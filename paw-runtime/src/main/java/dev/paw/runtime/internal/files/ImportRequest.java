package dev.paw.runtime.internal.files;

import dev.paw.runtime.internal.csv.ImportFileParams;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The parameters of {@code import_file}, with the connector's defaults.
 *
 * @param file the file to import
 * @param tableName the target table, or {@code null} for one named after the file
 * @param format the file's format; {@link FileFormat#AUTO} judges by the file name
 * @param delimiter the column delimiter of a CSV file: one character, or {@code \t} / {@code tab}
 * @param hasHeader whether the first row holds the column names (else they are {@code col_1},
 *     {@code col_2}, ...)
 * @param encoding the text encoding of a CSV, TSV or JSON file, e.g. {@code utf-8}, {@code
 *     windows-1252}
 * @param sheetName the sheet of an Excel file, or {@code null} for the first
 * @param mode whether to replace the table or append to it
 */
public record ImportRequest(
    Path file,
    String tableName,
    FileFormat format,
    String delimiter,
    boolean hasHeader,
    String encoding,
    String sheetName,
    ImportMode mode) {

  public ImportRequest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(delimiter, "delimiter");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(mode, "mode");
  }

  /** A request for {@code file} with the defaults of connectors/csv.yaml. */
  public static ImportRequest of(Path file) {
    return of(file, ImportFileParams.builder().filePath(file.toString()).build());
  }

  /** The request that {@code import_file} with these (generated, defaulted) parameters makes. */
  static ImportRequest from(ImportFileParams params) {
    return of(Path.of(params.filePath()), params);
  }

  private static ImportRequest of(Path file, ImportFileParams params) {
    return new ImportRequest(
        file,
        params.tableName(),
        FileFormat.of(params.format().wireValue()),
        params.delimiter(),
        params.hasHeader(),
        params.encoding(),
        params.sheetName(),
        ImportMode.of(params.mode().wireValue()));
  }

  public ImportRequest withTableName(String tableName) {
    return new ImportRequest(
        file, tableName, format, delimiter, hasHeader, encoding, sheetName, mode);
  }

  public ImportRequest withFormat(FileFormat format) {
    return new ImportRequest(
        file, tableName, format, delimiter, hasHeader, encoding, sheetName, mode);
  }

  public ImportRequest withDelimiter(String delimiter) {
    return new ImportRequest(
        file, tableName, format, delimiter, hasHeader, encoding, sheetName, mode);
  }

  public ImportRequest withHeader(boolean hasHeader) {
    return new ImportRequest(
        file, tableName, format, delimiter, hasHeader, encoding, sheetName, mode);
  }

  public ImportRequest withEncoding(String encoding) {
    return new ImportRequest(
        file, tableName, format, delimiter, hasHeader, encoding, sheetName, mode);
  }

  public ImportRequest withSheetName(String sheetName) {
    return new ImportRequest(
        file, tableName, format, delimiter, hasHeader, encoding, sheetName, mode);
  }

  public ImportRequest withMode(ImportMode mode) {
    return new ImportRequest(
        file, tableName, format, delimiter, hasHeader, encoding, sheetName, mode);
  }
}
