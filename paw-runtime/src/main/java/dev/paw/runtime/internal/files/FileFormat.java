package dev.paw.runtime.internal.files;

import java.nio.file.Path;
import java.util.Locale;

/** The formats {@code import_file} reads; {@link #AUTO} picks one from the file name. */
public enum FileFormat {
  AUTO,
  CSV,
  TSV,
  XLSX,
  JSON,
  NDJSON;

  /** The connector's spelling: {@code auto}, {@code csv}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the connector's spelling. */
  public static FileFormat of(String wireName) {
    for (FileFormat format : values()) {
      if (format.wireName().equalsIgnoreCase(wireName.trim())) {
        return format;
      }
    }
    throw new FileActionException(
        "unknown format '" + wireName + "'; expected auto, csv, tsv, xlsx, json or ndjson");
  }

  /**
   * The format of {@code file} judged by its extension ({@code .csv .tsv .tab .txt .xlsx .json
   * .ndjson .jsonl}). A {@code .json} file whose first character is not {@code [} is read as NDJSON
   * by the importer.
   */
  static FileFormat fromFileName(Path file) {
    String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1);
    switch (extension) {
      case "csv":
      case "txt":
        return CSV;
      case "tsv":
      case "tab":
        return TSV;
      case "xlsx":
      case "xlsm":
        return XLSX;
      case "json":
        return JSON;
      case "ndjson":
      case "jsonl":
        return NDJSON;
      case "xls":
        throw new FileActionException(
            file.getFileName()
                + ": legacy .xls workbooks are not supported; save it as"
                + " .xlsx");
      default:
        throw new FileActionException(
            file.getFileName()
                + ": cannot tell the format from the file name; pass"
                + " format (csv, tsv, xlsx, json or ndjson)");
    }
  }
}
