package dev.paw.postgresql.internal.sync;

import dev.paw.postgresql.internal.ColumnKind;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns a sync source gives, typed from its result set's metadata: each column's name, its
 * PostgreSQL type and how it is kept in the pocket.
 */
public record SourceColumns(List<String> names, List<String> types, List<ColumnKind> kinds) {

  /** The columns of a result; an error names a column the result gives twice. */
  public static SourceColumns of(ResultSetMetaData meta) throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<ColumnKind> kinds = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String name = meta.getColumnLabel(i);
      if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException(
            "the sync's source gives column \""
                + name
                + "\" twice: name each column once (SELECT ... AS other_name)");
      }
      names.add(name);
      types.add(meta.getColumnTypeName(i));
      kinds.add(ColumnKind.of(meta.getColumnTypeName(i)));
    }
    return new SourceColumns(List.copyOf(names), List.copyOf(types), List.copyOf(kinds));
  }

  /** The 0-based position of {@code column}, or an error naming it. */
  public int indexOf(String column) {
    int index = names.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(
          "the sync's source has no column \"" + column + "\" (it has: " + names + ")");
    }
    return index;
  }
}
