package dev.paw.runtime.internal.files;

import java.util.List;

/**
 * The first rows of a table, values typed as JSON: numbers, booleans, strings, {@code null}.
 *
 * @param truncated whether the table has more rows than shown
 */
public record TablePreview(
    String table, List<ColumnInfo> columns, List<List<Object>> rows, int limit, boolean truncated)
    implements FileActionResult {

  public TablePreview {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
