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
 *
 * <p>A run that starts on an empty table records nothing: every row the table will hold is one the
 * run wrote, so there is nothing to remove at its end. An empty {@code _paw_new_<table>} says so
 * instead, for a resumed run (a first listing of a million records saved a million inserts and the
 * final delete).
 */
final class SeenKeys implements AutoCloseable {

  /** The kind of the table that says a sweeping run started on an empty table. */
  static final String NEW = "new_";

  private final Connection connection;
  private final StreamSpec stream;
  private final String name;
  private final String seen;

  /**
   * The table that says a sweeping run started on an empty table; {@code null} for keys kept for
   * another purpose.
   */
  private final String fresh;

  /** Whether this run started on an empty table; {@code null} until known. */
  private Boolean startedEmpty;

  private PreparedStatement insert;

  /** The keys a sweeping run has seen. */
  SeenKeys(Connection connection, StreamSpec stream) {
    this(connection, stream, "seen_", true);
  }

  /**
   * @param kind what the keys are, as the name of their table says ({@code seen_}, {@code
   *     changed_})
   */
  SeenKeys(Connection connection, StreamSpec stream, String kind) {
    this(connection, stream, kind, false);
  }

  private SeenKeys(Connection connection, StreamSpec stream, String kind, boolean sweeping) {
    this.connection = connection;
    this.stream = stream;
    this.name = SqlNames.INTERNAL_PREFIX + kind + stream.table();
    this.seen = SqlNames.quote(name);
    this.fresh = sweeping ? SqlNames.INTERNAL_PREFIX + NEW + stream.table() : null;
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
      if (fresh != null) {
        statement.execute("DROP TABLE IF EXISTS " + SqlNames.quote(fresh));
      }
    }
    startedEmpty = null;
  }

  /** Starts a run with nothing seen. */
  void reset() throws SQLException {
    drop();
    String keys =
        stream.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    try (Statement statement = connection.createStatement()) {
      startedEmpty = fresh != null && tableIsEmpty(statement);
      if (startedEmpty) {
        statement.execute("CREATE TABLE " + SqlNames.quote(fresh) + " (started_empty INTEGER)");
      } else {
        statement.execute("CREATE TABLE " + seen + " (" + keys + ", PRIMARY KEY (" + keys + "))");
      }
    }
  }

  private boolean tableIsEmpty(Statement statement) throws SQLException {
    try (ResultSet row =
        statement.executeQuery("SELECT 1 FROM " + SqlNames.quote(stream.table()) + " LIMIT 1")) {
      return !row.next();
    }
  }

  /** True when a run has started recording what it saw (and has not swept yet). */
  boolean exists() throws SQLException {
    return tableExists(name) || startedEmpty();
  }

  /** True when the run started on an empty table, so it records and removes nothing. */
  private boolean startedEmpty() throws SQLException {
    if (startedEmpty == null) {
      startedEmpty = fresh != null && tableExists(fresh);
    }
    return startedEmpty;
  }

  private boolean tableExists(String table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
      query.setString(1, table);
      try (ResultSet found = query.executeQuery()) {
        return found.next();
      }
    }
  }

  /** Records keys as {@link TableWriter#key} gives them: a value, or a list for a composite key. */
  void mark(List<Object> keys) throws SQLException {
    if (startedEmpty()) {
      return;
    }
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
    if (startedEmpty()) {
      drop(); // every row is one this run wrote: none to remove
      return 0;
    }
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
