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
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public Long getLong(int column) {
    try {
      long value = rs.getLong(column);
      return rs.wasNull() ? null : value;
    } catch (SQLException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public Double getDouble(int column) {
    try {
      double value = rs.getDouble(column);
      return rs.wasNull() ? null : value;
    } catch (SQLException e) {
      throw unreadable(column, e);
    }
  }

  @Override
  public Boolean getBoolean(int column) {
    Long value = getLong(column);
    return value == null ? null : value != 0;
  }

  @Override
  public Object getAny(int column) {
    Object value;
    try {
      value = rs.getObject(column);
    } catch (SQLException e) {
      throw unreadable(column, e);
    }
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

  private static IllegalStateException unreadable(int column, SQLException e) {
    return new IllegalStateException("cannot read column " + column + ": " + e.getMessage(), e);
  }
}
