package dev.paw.runtime.internal.files;

/**
 * One column of a pocket table as results show it.
 *
 * @param name the SQL column name
 * @param header the file's header text it came from ({@code null} when the table was not imported
 *     with one)
 * @param type the declared SQL type: {@code INTEGER}, {@code REAL}, {@code BOOLEAN}, {@code DATE},
 *     {@code DATETIME}, {@code TEXT} for imported tables
 * @param format how values are written back: {@code integer}, {@code real} (shortest), {@code
 *     real:2} (two decimals), {@code boolean:TRUE/FALSE}, {@code date}, {@code datetime}, {@code
 *     text}; {@code native} for a table paw did not import (values as SQLite holds them)
 */
public record ColumnInfo(String name, String header, String type, String format) {

  static ColumnInfo of(ColumnLayout column) {
    return new ColumnInfo(
        column.name(), column.header(), column.declaredType(), column.format().code());
  }
}
