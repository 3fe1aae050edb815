package dev.paw.postgresql.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A result set as JSON: {@code {"columns": [{name, type}], "rows": [{...}], "row_count": n,
 * "truncated": bool}}. Numbers stay numbers ({@code numeric} exactly), JSON columns stay JSON,
 * {@code bytea} is base64.
 */
public final class ResultJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResultJson() {}

  /** Up to {@code limit} rows of {@code rows}; {@code truncated} says whether more were there. */
  public static ObjectNode of(ResultSet rows, int limit) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> names = new ArrayList<>();
    List<ColumnKind> kinds = new ArrayList<>();
    ObjectNode result = NODES.objectNode();
    ArrayNode columns = result.putArray("columns");
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i));
      kinds.add(ColumnKind.of(meta.getColumnTypeName(i)));
      columns
          .addObject()
          .put("name", meta.getColumnLabel(i))
          .put("type", meta.getColumnTypeName(i));
    }
    ArrayNode out = result.putArray("rows");
    boolean truncated = false;
    while (rows.next()) {
      if (out.size() == limit) {
        truncated = true;
        break;
      }
      ObjectNode row = out.addObject();
      for (int i = 0; i < names.size(); i++) {
        row.set(names.get(i), json(kinds.get(i), kinds.get(i).read(rows, i + 1)));
      }
    }
    result.put("row_count", out.size());
    result.put("truncated", truncated);
    return result;
  }

  private static JsonNode json(ColumnKind kind, Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Long whole) {
      return NODES.numberNode(whole);
    }
    if (value instanceof Double real) {
      return NODES.numberNode(real);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof byte[] bytes) {
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }
    String text = (String) value;
    if (kind == ColumnKind.NUMERIC) {
      try {
        return NODES.numberNode(new BigDecimal(text));
      } catch (NumberFormatException e) {
        return NODES.textNode(text); // NaN, Infinity, or money's currency text
      }
    }
    if (kind == ColumnKind.JSON) {
      try {
        return MAPPER.readTree(text);
      } catch (IOException e) {
        return NODES.textNode(text);
      }
    }
    return NODES.textNode(text);
  }
}
