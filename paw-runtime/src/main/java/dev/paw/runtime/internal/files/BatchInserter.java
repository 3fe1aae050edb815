package dev.paw.runtime.internal.files;

import dev.paw.spec.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Inserts batches of rows with multi-row {@code INSERT ... VALUES (...), (...), ...} statements:
 * through JDBC each statement execution costs far more than a bound value, so binding a few hundred
 * rows per execution is what makes the load fast.
 */
final class BatchInserter implements AutoCloseable {

  /** SQLite's default limit on bound parameters in one statement (since 3.32). */
  private static final int MAX_PARAMETERS = 32766;

  private static final int MAX_ROWS_PER_STATEMENT = 256;

  private final Connection connection;
  private final String prefix;
  private final String rowPlaceholders;
  private final ColumnFormat[] formats;
  private final int width;
  private final int rowsPerStatement;
  private final Map<Integer, PreparedStatement> statements = new HashMap<>();
  private long inserted;

  /**
   * @param columns the target columns, in the order the values arrive
   * @param formats how each arriving value is stored
   */
  BatchInserter(
      Connection connection, String table, List<String> columns, List<ColumnFormat> formats) {
    this.connection = connection;
    this.width = columns.size();
    this.prefix =
        "INSERT INTO "
            + SqlNames.quote(table)
            + " ("
            + columns.stream().map(SqlNames::quote).collect(Collectors.joining(", "))
            + ") VALUES ";
    this.rowPlaceholders = "(" + "?,".repeat(width - 1) + "?)";
    this.formats = formats.toArray(new ColumnFormat[0]);
    this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, MAX_PARAMETERS / width));
  }

  void insert(RowBatch batch) throws SQLException {
    int row = 0;
    while (row < batch.rows) {
      int rows = Math.min(rowsPerStatement, batch.rows - row);
      PreparedStatement statement = statementFor(rows);
      int parameter = 1;
      for (int r = row; r < row + rows; r++) {
        int offset = batch.offset(r);
        for (int column = 0; column < width; column++) {
          formats[column].bind(statement, parameter++, batch.values[offset + column]);
        }
      }
      statement.executeUpdate();
      row += rows;
    }
    inserted += batch.rows;
  }

  private PreparedStatement statementFor(int rows) throws SQLException {
    PreparedStatement statement = statements.get(rows);
    if (statement == null) {
      StringBuilder sql =
          new StringBuilder(prefix.length() + rows * (rowPlaceholders.length() + 1));
      sql.append(prefix);
      for (int i = 0; i < rows; i++) {
        sql.append(i == 0 ? "" : ",").append(rowPlaceholders);
      }
      statement = connection.prepareStatement(sql.toString());
      statements.put(rows, statement);
    }
    return statement;
  }

  long inserted() {
    return inserted;
  }

  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
