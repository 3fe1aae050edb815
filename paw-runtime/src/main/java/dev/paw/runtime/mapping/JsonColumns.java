package dev.paw.runtime.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Reads one API value as a column type, and moves column values in and out of SQL. Every mapper,
 * generated or not, goes through these methods, so typing rules are the same everywhere: a value is
 * taken as it is or refused with a {@link RecordException}, never silently changed.
 */
public final class JsonColumns {

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final int SHOWN_CHARS = 40;
  private static final ObjectMapper TREES =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private JsonColumns() {}

  /** A {@code string} column: strings as they are, numbers and booleans as their JSON text. */
  public static String readString(JsonParser p, String field) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getText();
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return null;
      default:
        throw refuse(p, field, "a string");
    }
  }

  /** An {@code integer} column: whole JSON numbers that fit in 64 bits. */
  public static Long readInteger(JsonParser p, String field) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw new RecordException(
            field, "the number " + p.getText() + " does not fit in a 64-bit integer");
      }
      return p.getLongValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw refuse(p, field, "an integer");
  }

  /** A {@code number} column: any JSON number. */
  public static Double readNumber(JsonParser p, String field) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw refuse(p, field, "a number");
  }

  /** A {@code boolean} column: JSON {@code true} or {@code false}. */
  public static Boolean readBoolean(JsonParser p, String field) throws IOException {
    switch (p.currentToken()) {
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw refuse(p, field, "true or false");
    }
  }

  /** A {@code json} column: the value's JSON text, whatever its shape; JSON null is SQL NULL. */
  public static String readJson(JsonParser p, String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.copyCurrentStructure(p);
    }
    return out.toString();
  }

  /**
   * A {@code json} column as a tree, as generated rows hold it; JSON null is {@code null}. Decimal
   * numbers keep their exact digits.
   */
  public static JsonNode readJsonNode(JsonParser p, String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    return TREES.readTree(p);
  }

  /** A stored {@code json} column's text as a tree; {@code null} for SQL NULL. */
  public static JsonNode jsonNode(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return TREES.readTree(stored);
    } catch (IOException e) {
      throw new IllegalStateException("a stored json column is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * An untyped column: strings, whole numbers, other numbers and booleans as {@code String}, {@code
   * Long}, {@code Double} and {@code Boolean}; objects and arrays as JSON text; whole numbers too
   * large for 64 bits as their text.
   */
  public static Object readAny(JsonParser p, String field) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getText()
            : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        return readJson(p, field);
    }
  }

  /** Binds a column value: {@code null} as NULL, booleans as 0 or 1, JSON trees as their text. */
  public static void bind(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof String s) {
      statement.setString(index, s);
    } else if (value instanceof Long l) {
      statement.setLong(index, l);
    } else if (value instanceof Double d) {
      statement.setDouble(index, d);
    } else if (value instanceof Boolean b) {
      statement.setInt(index, b ? 1 : 0);
    } else if (value instanceof JsonNode json) {
      statement.setString(index, json.toString());
    } else {
      throw new IllegalArgumentException("not a column value: " + value.getClass().getName());
    }
  }

  private static RecordException refuse(JsonParser p, String field, String expected)
      throws IOException {
    return new RecordException(field, "expected " + expected + ", found " + describe(p));
  }

  /**
   * A short description of the current value, for messages: the value itself, cut to a readable
   * length.
   */
  static String describe(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "the string '" + shorten(p.getText()) + "'";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(p.getText());
      case VALUE_TRUE, VALUE_FALSE -> p.getText();
      case VALUE_NULL -> "null";
      default -> String.valueOf(p.currentToken());
    };
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN_CHARS
        ? text
        : text.substring(0, SHOWN_CHARS) + "... (" + text.length() + " chars)";
  }
}
