package dev.paw.runtime.internal.sync;

import dev.paw.runtime.mapping.JsonColumns;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stream's {@code delete_when}: after a page is written, the rows whose columns hold a value that
 * means the record is gone (Google Calendar's {@code status: cancelled}) are deleted in the same
 * transaction, and their keys reported.
 */
final class DeletedValues implements AutoCloseable {

  private final StreamSpec stream;
  private final Connection connection;
  private PreparedStatement delete;

  DeletedValues(Connection connection, StreamSpec stream) {
    this.connection = connection;
    this.stream = stream;
  }

  /**
   * Deletes the rows of {@code stream} that hold a value meaning the record is gone; their keys.
   */
  static List<Object> deleteIn(Connection connection, StreamSpec stream) throws SQLException {
    try (DeletedValues values = new DeletedValues(connection, stream)) {
      return values.delete();
    }
  }

  /** True when the stream says which values mean a record is gone. */
  boolean any() {
    return !stream.deleteWhen().isEmpty() && !stream.primaryKey().isEmpty();
  }

  /** Deletes the rows that hold such a value (the caller owns the transaction); their keys. */
  List<Object> delete() throws SQLException {
    List<Object> keys = new ArrayList<>();
    if (!any()) {
      return keys;
    }
    if (delete == null) {
      List<Object> values = new ArrayList<>();
      List<String> conditions = new ArrayList<>();
      for (Map.Entry<String, List<Object>> e : stream.deleteWhen().entrySet()) {
        conditions.add(
            SqlNames.quote(e.getKey())
                + " IN ("
                + e.getValue().stream().map(v -> "?").collect(Collectors.joining(", "))
                + ")");
        values.addAll(e.getValue());
      }
      delete =
          connection.prepareStatement(
              "DELETE FROM "
                  + SqlNames.quote(stream.table())
                  + " WHERE "
                  + String.join(" OR ", conditions)
                  + " RETURNING "
                  + stream.primaryKey().stream()
                      .map(SqlNames::quote)
                      .collect(Collectors.joining(", ")));
      for (int i = 0; i < values.size(); i++) {
        JsonColumns.bind(delete, i + 1, values.get(i));
      }
    }
    int width = stream.primaryKey().size();
    try (ResultSet rs = delete.executeQuery()) {
      while (rs.next()) {
        if (width == 1) {
          keys.add(rs.getObject(1));
        } else {
          List<Object> key = new ArrayList<>();
          for (int i = 1; i <= width; i++) {
            key.add(rs.getObject(i));
          }
          keys.add(key);
        }
      }
    }
    return keys;
  }

  @Override
  public void close() throws SQLException {
    if (delete != null) {
      delete.close();
    }
  }
}
