package dev.paw.runtime.internal.files;

import java.util.List;

/** The pocket's tables ({@code _paw_*} and {@code sqlite_*} left out). */
public record TableList(List<Entry> tables) implements FileActionResult {

  /**
   * One table; {@code sourceFile} and {@code importedAt} are {@code null} unless {@code
   * import_file} made it.
   */
  public record Entry(
      String name,
      long rowCount,
      int columnCount,
      boolean imported,
      String sourceFile,
      String importedAt) {}

  public TableList {
    tables = List.copyOf(tables);
  }
}
