package dev.paw.dashboard.internal.data;

import java.util.List;

/**
 * Rows a query returned, as stored: each cell a Long, Double, String, byte[] or null.
 *
 * @param types each column's SQLite storage class in the first row that has a value ({@code
 *     integer}, {@code real}, {@code text}, {@code blob}), or the declared type, or {@code null}
 * @param truncated more rows were there than the row limit
 */
public record QueryResult(
    List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated) {}
