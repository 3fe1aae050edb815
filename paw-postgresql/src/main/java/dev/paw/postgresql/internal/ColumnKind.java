package dev.paw.postgresql.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How a PostgreSQL column's values are read exactly, and stored in a pocket (SQLite): whole numbers
 * as INTEGER, floating point as REAL, {@code numeric} as its exact decimal text, booleans as 0 or
 * 1, timestamps as ISO-8601 text ({@code timestamptz} in UTC with a {@code Z}), JSON as its text,
 * {@code bytea} as a BLOB, anything else as PostgreSQL's text for it.
 */
public enum ColumnKind {
  INTEGER("INTEGER"),
  REAL("REAL"),
  NUMERIC("TEXT"),
  BOOLEAN("INTEGER"),
  JSON("TEXT"),
  TIMESTAMPTZ("TEXT"),
  TIMESTAMP("TEXT"),
  BYTES("BLOB"),
  TEXT("TEXT");

  private final String sqliteType;

  ColumnKind(String sqliteType) {
    this.sqliteType = sqliteType;
  }

  /** The column's declared type in a pocket table. */
  public String sqliteType() {
    return sqliteType;
  }

  /** The kind of a column whose type {@code ResultSetMetaData.getColumnTypeName} names. */
  public static ColumnKind of(String typeName) {
    return switch (typeName) {
      case "int2", "int4", "int8", "oid", "serial", "bigserial", "smallserial" -> INTEGER;
      case "float4", "float8" -> REAL;
      case "numeric", "money" -> NUMERIC;
      case "bool" -> BOOLEAN;
      case "json", "jsonb" -> JSON;
      case "timestamptz" -> TIMESTAMPTZ;
      case "timestamp" -> TIMESTAMP;
      case "bytea" -> BYTES;
      default -> TEXT;
    };
  }

  /**
   * The value at {@code index}: a {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]},
   * {@code String} or {@code null}. {@code numeric} and JSON stay PostgreSQL's own text (exact);
   * NaN, infinities and infinite timestamps stay text too.
   */
  public Object read(ResultSet rows, int index) throws SQLException {
    if (this == BYTES) {
      return rows.getBytes(index); // null for NULL
    }
    String text = rows.getString(index);
    if (text == null) {
      return null;
    }
    return switch (this) {
      case INTEGER -> rows.getLong(index);
      case REAL -> finite(rows.getDouble(index), text);
      case BOOLEAN -> rows.getBoolean(index);
      case BYTES -> throw new AssertionError("read above");
      case TIMESTAMPTZ ->
          infinite(text)
              ? text
              : rows.getObject(index, OffsetDateTime.class).toInstant().toString();
      case TIMESTAMP ->
          infinite(text)
              ? text
              : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                  rows.getObject(index, LocalDateTime.class));
      case NUMERIC, JSON, TEXT -> text;
    };
  }

  private static Object finite(double value, String text) {
    return Double.isFinite(value) ? (Object) value : text;
  }

  private static boolean infinite(String text) {
    return text.endsWith("infinity");
  }
}
