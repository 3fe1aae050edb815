package dev.paw.runtime.mapping;

import com.fasterxml.jackson.core.JsonParser;
import dev.paw.runtime.ConnectorProtocol;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Maps one sync stream's API records to rows, binds rows to SQL and reads them back from a {@link
 * ConnectorProtocol.StoredRow}. Generated mappers implement it for typed records; the runtime
 * implements it for connectors loaded from YAML. Both read leaf values through {@link JsonColumns},
 * so a record maps the same way whichever front door built the connector.
 *
 * @param <R> the row type
 */
public interface RowMapper<R> extends ConnectorProtocol.RowReader<R> {

  /** The table the rows belong to. */
  String table();

  /**
   * Reads one API record. The parser is on the record's {@code START_OBJECT} and is left on its
   * {@code END_OBJECT}. Values the engine needs besides the columns (the paging cursor, the
   * incremental cursor) go into {@code context}.
   *
   * @throws RecordException when a field cannot be read as its column's type
   */
  R read(JsonParser parser, RecordContext context) throws IOException;

  /** Binds the row's columns, in column order, to parameters {@code ?1} to {@code ?n}. */
  void bind(R row, PreparedStatement statement) throws SQLException;

  /**
   * The row's primary key: the values of the table's key columns in primary-key order, {@code null}
   * where the record lacked one; empty for a table without a key.
   */
  List<Object> key(R row);
}
