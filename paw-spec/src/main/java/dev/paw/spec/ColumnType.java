package dev.paw.spec;

import java.util.Locale;

/** The type of a synced column: how the API value is read and how SQLite stores it. */
public enum ColumnType {
  /**
   * Untyped (PocketPaw's plain mappings): scalars are stored as they come, objects and arrays as
   * JSON text.
   */
  ANY(""),
  STRING("TEXT"),
  INTEGER("INTEGER"),
  NUMBER("REAL"),
  /** Stored as 0 or 1. */
  BOOLEAN("INTEGER"),
  /** The JSON text of the value, whatever its shape. */
  JSON("TEXT");

  private final String sqlType;

  ColumnType(String sqlType) {
    this.sqlType = sqlType;
  }

  /** The declared SQLite type; empty for {@link #ANY}, which gives the column no affinity. */
  public String sqlType() {
    return sqlType;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
