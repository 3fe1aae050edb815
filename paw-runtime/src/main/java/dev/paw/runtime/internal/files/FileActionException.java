package dev.paw.runtime.internal.files;

/**
 * A file action that could not be done, with where in the input the problem is when there is such a
 * place. The message reads like a compiler's: {@code sales.csv:42: row 41 has 5 fields, but the
 * header has 4}. When an import fails, the pocket is exactly as it was before it started.
 */
public final class FileActionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;

  FileActionException(String message) {
    this(null, 0, null, message, null);
  }

  FileActionException(String message, Throwable cause) {
    this(null, 0, null, message, cause);
  }

  FileActionException(String file, long line, String column, String message, Throwable cause) {
    super(prefix(file, line) + message, cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** An error at a line of a file ({@code line} 0: the file as a whole). */
  static FileActionException at(String file, long line, String message) {
    return new FileActionException(file, line, null, message, null);
  }

  static FileActionException at(String file, long line, String column, String message) {
    return new FileActionException(file, line, column, message, null);
  }

  private static String prefix(String file, long line) {
    if (file == null) {
      return "";
    }
    return line > 0 ? file + ":" + line + ": " : file + ": ";
  }

  /** The file the problem is in, or {@code null}. */
  public String file() {
    return file;
  }

  /**
   * The line (for a spreadsheet: the row) where the problem is, or 0 when it is not at one place.
   */
  public long line() {
    return line;
  }

  /** The column's header text or name, or {@code null}. */
  public String column() {
    return column;
  }
}
