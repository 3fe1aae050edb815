package dev.paw.runtime.internal.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.mapping.JsonColumns;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ColumnType;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.FieldTree;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapper of a connector loaded from YAML: it walks the stream's {@link FieldTree} at run time,
 * where a generated mapper has the same walk unrolled into code. Rows are {@code Object[]} in
 * column order.
 */
public final class SpecRowMapper implements RowMapper<Object[]> {

  private final StreamSpec stream;
  private final FieldTree tree;
  private final List<ColumnSpec> columns;
  private final int[] keyColumns;

  public SpecRowMapper(ConnectorSpec connector, StreamSpec stream) {
    this.stream = stream;
    this.tree = FieldTree.of(connector, stream);
    this.columns = stream.columns();
    this.keyColumns =
        stream.primaryKey().stream()
            .mapToInt(name -> columns.stream().map(ColumnSpec::name).toList().indexOf(name))
            .toArray();
    if (!tree.conflicts().isEmpty()) {
      throw new IllegalArgumentException(
          "stream " + stream.table() + " cannot be mapped: " + tree.conflicts());
    }
  }

  @Override
  public String table() {
    return stream.table();
  }

  @Override
  public Object[] read(JsonParser parser, RecordContext context) throws IOException {
    Object[] row = new Object[columns.size()];
    readObject(parser, tree.root(), row, context);
    return row;
  }

  private void readObject(
      JsonParser parser, FieldTree.Node node, Object[] row, RecordContext context)
      throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      FieldTree.Node child = node.children().get(parser.currentName());
      parser.nextToken();
      if (child == null) {
        parser.skipChildren();
      } else if (child.isLeaf()) {
        readLeaf(parser, child, row, context);
      } else if (parser.currentToken() == JsonToken.START_OBJECT) {
        readObject(parser, child, row, context);
      } else {
        parser.skipChildren();
      }
    }
  }

  private void readLeaf(JsonParser parser, FieldTree.Node node, Object[] row, RecordContext context)
      throws IOException {
    Object value = null;
    boolean read = false;
    for (int column : node.columns()) {
      if (!read) {
        ColumnSpec spec = columns.get(column);
        value = readValue(parser, spec.type(), spec.from());
        read = true;
      }
      row[column] = value;
    }
    for (int slot : node.slots()) {
      context.set(slot, read ? value : JsonColumns.readAny(parser, node.path()));
    }
  }

  private static Object readValue(JsonParser parser, ColumnType type, String field)
      throws IOException {
    return switch (type) {
      case STRING -> JsonColumns.readString(parser, field);
      case INTEGER -> JsonColumns.readInteger(parser, field);
      case NUMBER -> JsonColumns.readNumber(parser, field);
      case BOOLEAN -> JsonColumns.readBoolean(parser, field);
      case JSON -> JsonColumns.readJson(parser, field);
      case ANY -> JsonColumns.readAny(parser, field);
    };
  }

  @Override
  public void bind(Object[] row, PreparedStatement statement) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      JsonColumns.bind(statement, i + 1, row[i]);
    }
  }

  @Override
  public Object[] read(ConnectorProtocol.StoredRow stored) {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] =
          switch (columns.get(i).type()) {
            case STRING, JSON -> stored.getString(i + 1);
            case INTEGER -> stored.getLong(i + 1);
            case NUMBER -> stored.getDouble(i + 1);
            case BOOLEAN -> stored.getBoolean(i + 1);
            case ANY -> stored.getAny(i + 1);
          };
    }
    return row;
  }

  @Override
  public List<Object> key(Object[] row) {
    List<Object> key = new ArrayList<>(keyColumns.length);
    for (int column : keyColumns) {
      key.add(row[column]);
    }
    return key;
  }
}
