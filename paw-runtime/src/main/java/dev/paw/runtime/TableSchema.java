package dev.paw.runtime;

import java.util.List;

/** A synced table as it exists in pocket.db: its name, DDL and columns. */
public record TableSchema(String table, String ddl, List<Column> columns, List<String> primaryKey) {

  /** One column: local name, declared SQLite type (empty when untyped) and the API field it comes from. */
  public record Column(String name, String sqlType, String from) {}

  public TableSchema {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }
}
