package dev.paw.runtime.internal.files;

import java.util.List;

/**
 * The rows a read-only query returned, at most {@code limit} of them.
 *
 * @param truncated whether the query had more rows than the limit
 */
public record QueryResult(
    List<String> columns, List<List<Object>> rows, int limit, boolean truncated)
    implements FileActionResult {

  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
