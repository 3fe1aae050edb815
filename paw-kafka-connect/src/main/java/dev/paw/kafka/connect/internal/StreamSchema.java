package dev.paw.kafka.connect.internal;

import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ColumnType;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * A stream's Connect schemas, built from its typed columns so that Avro, JSON Schema and Protobuf
 * converters and the JDBC sink need no hand-written schema: the value is a struct of every column
 * (each optional, as an API may leave any field out), the key a struct of the primary key columns
 * (required: a record without its key is refused before it gets here). A stream without a primary
 * key has records without a key.
 */
public final class StreamSchema {

  private final List<ColumnSpec> columns;
  private final int[] keyColumns;
  private final Schema keySchema;
  private final Schema valueSchema;

  public StreamSchema(ConnectorSpec connector, StreamSpec stream) {
    this.columns = stream.columns();
    String name = "paw." + connector.name() + "." + stream.table();
    SchemaBuilder value = SchemaBuilder.struct().name(name + ".Value");
    for (ColumnSpec column : columns) {
      value.field(column.name(), type(column.type()).optional().build());
    }
    this.valueSchema = value.build();
    this.keyColumns =
        stream.primaryKey().stream()
            .mapToInt(key -> columns.indexOf(stream.column(key).orElseThrow()))
            .toArray();
    if (keyColumns.length == 0) {
      this.keySchema = null;
    } else {
      SchemaBuilder key = SchemaBuilder.struct().name(name + ".Key");
      for (int index : keyColumns) {
        ColumnSpec column = columns.get(index);
        key.field(column.name(), type(column.type()).build());
      }
      this.keySchema = key.build();
    }
  }

  /**
   * The Connect type of a column type: text, 64-bit integer, double, boolean; a JSON column is its
   * JSON text and an untyped one the text of its value.
   */
  static SchemaBuilder type(ColumnType type) {
    return switch (type) {
      case INTEGER -> SchemaBuilder.int64();
      case NUMBER -> SchemaBuilder.float64();
      case BOOLEAN -> SchemaBuilder.bool();
      case STRING, JSON, ANY -> SchemaBuilder.string();
    };
  }

  public Schema keySchema() {
    return keySchema;
  }

  public Schema valueSchema() {
    return valueSchema;
  }

  /** The record's value: a row's column values (in column order) as a struct. */
  public Struct value(Object[] row) {
    Struct struct = new Struct(valueSchema);
    for (int i = 0; i < columns.size(); i++) {
      struct.put(columns.get(i).name(), convert(columns.get(i).type(), row[i]));
    }
    return struct;
  }

  /** The record's key, or {@code null} for a stream without a primary key. */
  public Struct key(Object[] row) {
    if (keySchema == null) {
      return null;
    }
    Struct struct = new Struct(keySchema);
    for (int index : keyColumns) {
      ColumnSpec column = columns.get(index);
      struct.put(column.name(), convert(column.type(), row[index]));
    }
    return struct;
  }

  private static Object convert(ColumnType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case INTEGER -> ((Number) value).longValue();
      case NUMBER -> ((Number) value).doubleValue();
      case BOOLEAN -> value;
      case STRING, JSON, ANY -> value.toString();
    };
  }
}
