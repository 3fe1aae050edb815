package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the right {@link TabularSource} for an import request, after checking the file can be read
 * at all.
 */
final class Sources {

  private Sources() {}

  static TabularSource open(ImportRequest request, ImportLimits limits) throws IOException {
    Path file = request.file();
    checkReadable(file);
    FileFormat format =
        request.format() == FileFormat.AUTO ? FileFormat.fromFileName(file) : request.format();
    if (request.format() == FileFormat.AUTO
        && format == FileFormat.JSON
        && !startsWithArray(file, charset(request.encoding()))) {
      format = FileFormat.NDJSON; // a .json file of one object per line
    }
    switch (format) {
      case CSV:
        return new CsvSource(
            file,
            "csv",
            delimiter(request.delimiter()),
            charset(request.encoding()),
            request.hasHeader(),
            limits);
      case TSV:
        return new CsvSource(
            file, "tsv", '\t', charset(request.encoding()), request.hasHeader(), limits);
      case XLSX:
        return new XlsxSource(file, request.sheetName(), request.hasHeader(), limits);
      case JSON:
      case NDJSON:
        return new JsonSource(
            file, charset(request.encoding()), format == FileFormat.NDJSON, limits);
      default:
        throw new IllegalStateException("format " + format);
    }
  }

  static void checkReadable(Path file) throws IOException {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw FileActionException.at(name, 0, "is a directory, not a file");
    }
    if (!Files.exists(file)) {
      throw FileActionException.at(name, 0, "no such file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw FileActionException.at(
          name, 0, "cannot be read (not a regular file, or no permission)");
    }
    if (Files.size(file) == 0) {
      throw FileActionException.at(file.getFileName().toString(), 0, "is empty");
    }
  }

  /** The delimiter parameter as one character; {@code \t} and {@code tab} mean a tab. */
  static char delimiter(String text) {
    if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
      return '\t';
    }
    if (text.length() != 1) {
      throw new FileActionException("delimiter must be one character (or \\t), not '" + text + "'");
    }
    char c = text.charAt(0);
    if (c == '"' || c == '\r' || c == '\n') {
      throw new FileActionException("delimiter cannot be a quote or a line break");
    }
    return c;
  }

  static Charset charset(String encoding) {
    try {
      return Charset.forName(encoding.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new FileActionException(
          "unknown encoding '"
              + encoding
              + "' (e.g. utf-8, utf-16, windows-1252,"
              + " iso-8859-1)");
    }
  }

  /**
   * Whether the first character that is not whitespace is {@code [}, read in the file's encoding (a
   * UTF-16 file starts with a byte order mark and zero bytes); an undecodable start is left to the
   * JSON reader to report.
   */
  private static boolean startsWithArray(Path file, Charset charset) throws IOException {
    try (Reader in = StrictText.open(file, charset)) {
      for (int i = 0, c = in.read(); i < 4096 && c >= 0; i++, c = in.read()) {
        if (c == '[') {
          return true;
        }
        if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
          return false;
        }
      }
      return true;
    } catch (FileActionException | CharacterCodingException e) {
      return true;
    }
  }
}
