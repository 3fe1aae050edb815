package dev.paw.runtime.internal.mapping;

import dev.paw.runtime.ConnectorProtocol;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The current row of a result set that selected a table's columns in column order, as the {@link
 * ConnectorProtocol.StoredRow} row readers take: JDBC stays inside the runtime.
 */
public final class ResultSetRow implements ConnectorProtocol.StoredRow {

  private final ResultSet rs;

  public ResultSetRow(ResultSet rs) {
    this.rs = rs;
  }

  @Override
  public String getString(int column) {
    return read(column, () -> rs.getString(column));
  }

  @Override
  public Long getLong(int column) {
    return read(column, () -> rs.getLong(column));
  }

  @Override
  public Double getDouble(int column) {
    return read(column, () -> rs.getDouble(column));
  }

  @Override
  public Boolean getBoolean(int column) {
    Long value = getLong(column);
    return value == null ? null : value != 0;
  }

  @Override
  public Object getAny(int column) {
    Object value = read(column, () -> rs.getObject(column));
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value;
  }

  /** A JDBC getter that may fail. */
  private interface Getter<T> {
    T get() throws SQLException;
  }

  /** The getter's value, or {@code null} for SQL NULL (which JDBC gives as 0 or false). */
  private <T> T read(int column, Getter<T> getter) {
    try {
      T value = getter.get();
      return rs.wasNull() ? null : value;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read column " + column + ": " + e.getMessage(), e);
    }
  }
}
