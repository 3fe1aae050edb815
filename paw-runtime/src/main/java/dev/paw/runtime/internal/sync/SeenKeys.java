package dev.paw.runtime.internal.sync;

import dev.paw.runtime.mapping.JsonColumns;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The keys a {@code replace} run has seen, in {@code _paw_seen_<table>} beside the table, so the
 * run's last commit can delete the rows the source no longer has. It lives in pocket.db, not in
 * memory, so a resumed run still knows what the pages before the interruption held. The insert is
 * prepared once per run, not once per page.
 */
final class SeenKeys implements AutoCloseable {

  private final Connection connection;
  private final StreamSpec stream;
  private final String name;
  private final String seen;
  private PreparedStatement insert;

  SeenKeys(Connection connection, StreamSpec stream) {
    this(connection, stream, "seen_");
  }

  /**
   * @param kind what the keys are, as the name of their table says ({@code seen_}, {@code
   *     changed_})
   */
  SeenKeys(Connection connection, StreamSpec stream, String kind) {
    this.connection = connection;
    this.stream = stream;
    this.name = SqlNames.INTERNAL_PREFIX + kind + stream.table();
    this.seen = SqlNames.quote(name);
  }

  /** Records one key; false when it was recorded already. */
  boolean markNew(Object key) throws SQLException {
    prepareInsert();
    List<?> parts = key instanceof List<?> list ? list : List.of(key);
    for (int i = 0; i < parts.size(); i++) {
      JsonColumns.bind(insert, i + 1, parts.get(i));
    }
    return insert.executeUpdate() > 0;
  }

  /** Forgets the keys without touching the table. */
  void drop() throws SQLException {
    close();
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + seen);
    }
  }

  /** Starts a run with nothing seen. */
  void reset() throws SQLException {
    String keys =
        stream.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + seen);
      statement.execute("CREATE TABLE " + seen + " (" + keys + ", PRIMARY KEY (" + keys + "))");
    }
  }

  /** True when a run has started recording what it saw (and has not swept yet). */
  boolean exists() throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
      query.setString(1, name);
      try (ResultSet found = query.executeQuery()) {
        return found.next();
      }
    }
  }

  /** Records keys as {@link TableWriter#key} gives them: a value, or a list for a composite key. */
  void mark(List<Object> keys) throws SQLException {
    prepareInsert();
    for (Object key : keys) {
      List<?> parts = key instanceof List<?> list ? list : List.of(key);
      for (int i = 0; i < parts.size(); i++) {
        JsonColumns.bind(insert, i + 1, parts.get(i));
      }
      insert.executeUpdate();
    }
  }

  private void prepareInsert() throws SQLException {
    if (insert == null) {
      String placeholders =
          stream.primaryKey().stream().map(k -> "?").collect(Collectors.joining(", "));
      insert =
          connection.prepareStatement(
              "INSERT OR IGNORE INTO " + seen + " VALUES (" + placeholders + ")");
    }
  }

  /**
   * Deletes the rows this complete run did not see, and forgets what it saw; returns how many it
   * deleted.
   */
  long sweep() throws SQLException {
    close();
    String live = SqlNames.quote(stream.table());
    String match =
        stream.primaryKey().stream()
            .map(k -> seen + "." + SqlNames.quote(k) + " IS " + live + "." + SqlNames.quote(k))
            .collect(Collectors.joining(" AND "));
    try (Statement statement = connection.createStatement()) {
      long deleted =
          statement.executeUpdate(
              "DELETE FROM "
                  + live
                  + " WHERE NOT EXISTS (SELECT 1 FROM "
                  + seen
                  + " WHERE "
                  + match
                  + ")");
      statement.execute("DROP TABLE " + seen);
      return deleted;
    }
  }

  @Override
  public void close() throws SQLException {
    if (insert != null) {
      insert.close();
      insert = null;
    }
  }
}
