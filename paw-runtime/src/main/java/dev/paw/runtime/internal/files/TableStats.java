package dev.paw.runtime.internal.files;

import java.util.List;

/** Row count and, per column, type, NULL count, smallest and largest value. */
public record TableStats(String table, long rowCount, List<ColumnStats> columns)
    implements FileActionResult {

  /**
   * One column's statistics; {@code min} and {@code max} are {@code null} when the column has no
   * values.
   */
  public record ColumnStats(
      String name,
      String header,
      String type,
      String format,
      long nullCount,
      Object min,
      Object max) {}

  public TableStats {
    columns = List.copyOf(columns);
  }
}
