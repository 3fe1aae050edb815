package dev.paw.runtime.internal.sync;

import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TableDdl;
import dev.paw.spec.WriteMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes mapped rows into one table with two prepared statements that share numbered parameters, so
 * one {@link RowMapper#bind} serves both: {@code INSERT ... ON CONFLICT DO NOTHING} first (a fresh
 * sync pays for one statement a row), then, for rows that exist, {@code UPDATE ... WHERE} something
 * differs. The statements' change counts tell inserted, updated and unchanged rows apart.
 */
final class TableWriter<R> implements AutoCloseable {

  /** What one page did to the table, with the keys of the rows it inserted or changed. */
  record PageWrite(long inserted, long updated, long unchanged, List<Object> changedKeys) {}

  private final RowMapper<R> mapper;
  private final int[] keyColumns;
  private final PreparedStatement insert;
  private final PreparedStatement update;

  /**
   * @param table the table to write: the stream's own, or the staging table of a {@code replace}
   *     run
   */
  TableWriter(Connection connection, StreamSpec stream, RowMapper<R> mapper, String table)
      throws SQLException {
    this.mapper = mapper;
    List<ColumnSpec> columns = stream.columns();
    this.keyColumns =
        IntStream.range(0, columns.size())
            .filter(i -> stream.primaryKey().contains(columns.get(i).name()))
            .toArray();
    String quoted = SqlNames.quote(table);
    String names =
        columns.stream().map(c -> SqlNames.quote(c.name())).collect(Collectors.joining(", "));
    String values =
        IntStream.rangeClosed(1, columns.size())
            .mapToObj(i -> "?" + i)
            .collect(Collectors.joining(", "));
    boolean keyed = keyColumns.length > 0;
    insert =
        connection.prepareStatement(
            "INSERT INTO "
                + quoted
                + " ("
                + names
                + ") VALUES ("
                + values
                + ")"
                + (keyed ? " ON CONFLICT DO NOTHING" : ""));
    List<String> sets = new ArrayList<>();
    List<String> differs = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = SqlNames.quote(columns.get(i).name());
      if (stream.primaryKey().contains(columns.get(i).name())) {
        where.add(column + " = ?" + (i + 1));
      } else {
        sets.add(column + " = ?" + (i + 1));
        differs.add(column + " IS NOT ?" + (i + 1));
      }
    }
    boolean updates = keyed && !sets.isEmpty() && stream.writeMode() != WriteMode.APPEND;
    update =
        updates
            ? connection.prepareStatement(
                "UPDATE "
                    + quoted
                    + " SET "
                    + String.join(", ", sets)
                    + " WHERE "
                    + String.join(" AND ", where)
                    + " AND ("
                    + String.join(" OR ", differs)
                    + ")")
            : null;
  }

  /** Creates the table when it does not exist yet. */
  static void create(Connection connection, StreamSpec stream, String table) throws SQLException {
    String ddl = TableDdl.of(stream);
    if (!table.equals(stream.table())) {
      ddl =
          ddl.replaceFirst("\"" + stream.table() + "\"", SqlNames.quote(table).replace("$", "\\$"));
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    }
  }

  /** Writes one page's rows (the caller owns the transaction). */
  PageWrite write(List<R> rows) throws SQLException {
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    List<Object> changed = new ArrayList<>(rows.size());
    for (R row : rows) {
      mapper.bind(row, insert);
      if (insert.executeUpdate() > 0) {
        inserted++;
        changed.add(key(row));
        continue;
      }
      if (update != null) {
        mapper.bind(row, update);
        if (update.executeUpdate() > 0) {
          updated++;
          changed.add(key(row));
          continue;
        }
      }
      unchanged++;
    }
    return new PageWrite(inserted, updated, unchanged, changed);
  }

  /**
   * The row's primary key: one value, or a list for a composite key; {@code null} for a table
   * without one.
   */
  Object key(R row) {
    List<Object> key = mapper.key(row);
    if (key.isEmpty()) {
      return null;
    }
    return key.size() == 1 ? key.get(0) : key;
  }

  @Override
  public void close() throws SQLException {
    try (insert) {
      if (update != null) {
        update.close();
      }
    }
  }
}
