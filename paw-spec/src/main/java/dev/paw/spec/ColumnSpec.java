package dev.paw.spec;

import java.util.List;

/**
 * A column of a synced table.
 *
 * @param name the local column name (a safe SQL identifier)
 * @param from the dotted path of the value in the API record ({@code service.summary})
 */
public record ColumnSpec(Location location, String name, String from, ColumnType type) {

  /** The path split at its dots. */
  public List<String> fromPath() {
    return List.of(from.split("\\.", -1));
  }
}
