package dev.paw.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code CREATE TABLE} statement of a sync stream's table: one function of the spec, for both
 * front doors.
 */
public final class TableDdl {

  private TableDdl() {}

  /**
   * {@code CREATE TABLE IF NOT EXISTS "t" ("id" TEXT NOT NULL, "amount" INTEGER, PRIMARY KEY
   * ("id"))}. Untyped columns get no declared type, so SQLite keeps each value's own type.
   */
  public static String of(StreamSpec stream) {
    List<String> parts = new ArrayList<>();
    for (ColumnSpec column : stream.columns()) {
      StringBuilder part = new StringBuilder(SqlNames.quote(column.name()));
      if (!column.type().sqlType().isEmpty()) {
        part.append(' ').append(column.type().sqlType());
      }
      if (stream.primaryKey().contains(column.name())) {
        part.append(" NOT NULL");
      }
      parts.add(part.toString());
    }
    if (!stream.primaryKey().isEmpty()) {
      parts.add(
          "PRIMARY KEY ("
              + String.join(", ", stream.primaryKey().stream().map(SqlNames::quote).toList())
              + ")");
    }
    return "CREATE TABLE IF NOT EXISTS "
        + SqlNames.quote(stream.table())
        + " ("
        + String.join(", ", parts)
        + ")";
  }
}
