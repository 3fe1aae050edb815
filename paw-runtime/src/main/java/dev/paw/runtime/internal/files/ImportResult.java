package dev.paw.runtime.internal.files;

import java.util.List;

/**
 * What {@code import_file} did.
 *
 * @param rowsImported rows read from the file
 * @param rowCount rows in the table afterwards (more than imported after an append)
 * @param created whether the table did not exist before
 * @param replaced whether an existing table was replaced
 * @param loads 1, or 2 when a value past the type sample changed a column's type and the file was
 *     loaded again
 */
public record ImportResult(
    String table,
    String file,
    String format,
    String mode,
    long rowsImported,
    long rowCount,
    boolean created,
    boolean replaced,
    List<ColumnInfo> columns,
    int loads,
    long millis)
    implements FileActionResult {

  public ImportResult {
    columns = List.copyOf(columns);
  }
}
