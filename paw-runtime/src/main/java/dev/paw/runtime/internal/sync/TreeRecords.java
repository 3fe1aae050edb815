package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paw.runtime.ConnectorProtocol.StoredRow;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.FieldPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Reads each record of a list action that no sync stream maps as a Jackson tree, and gives the
 * pager the record's {@code from} field (the cursor of cursor-style paging). Only for reading
 * answers: such records are never stored.
 */
final class TreeRecords implements RowMapper<JsonNode> {

  private static final ObjectMapper TREES =
      JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final List<String> cursor;

  /**
   * @param cursorField the dotted path of the field cursor paging continues from, or {@code null}
   */
  TreeRecords(String cursorField) {
    this.cursor = cursorField == null ? null : FieldPath.segments(cursorField);
  }

  @Override
  public String table() {
    throw new UnsupportedOperationException("records read as trees have no table");
  }

  @Override
  public JsonNode read(JsonParser parser, RecordContext context) throws IOException {
    JsonNode record = TREES.readTree(parser);
    if (cursor != null) {
      JsonNode value = JsonPaths.at(record, cursor);
      if (value != null && !value.isNull()) {
        context.set(RecordContext.PAGE_CURSOR, value.isNumber() ? number(value) : value.asText());
      }
    }
    return record;
  }

  private static Object number(JsonNode value) {
    BigDecimal decimal = value.decimalValue();
    return value.isIntegralNumber() ? (Object) value.longValue() : decimal.toPlainString();
  }

  @Override
  public void bind(JsonNode row, PreparedStatement statement) {
    throw new UnsupportedOperationException("records read as trees are not stored");
  }

  @Override
  public JsonNode read(StoredRow stored) {
    throw new UnsupportedOperationException("records read as trees are not stored");
  }

  @Override
  public List<Object> key(JsonNode row) {
    return List.of();
  }
}
