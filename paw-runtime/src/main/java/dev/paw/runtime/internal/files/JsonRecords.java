package dev.paw.runtime.internal.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Streams the records of a JSON array of objects or of NDJSON (one object per line), flattening
 * each record into leaves by path: {@code {"address": {"city": "Oslo"}}} gives {@code address.city
 * = Oslo}. Arrays are kept as compact JSON text with their numbers exactly as written; an empty
 * object is the text {@code {}}.
 */
final class JsonRecords implements Closeable {

  /** Receives one record's leaves. */
  interface Sink {
    void leaf(String path, String value, byte kind);
  }

  private final Path file;
  private final String name;
  private final Charset charset;
  private final boolean ndjson;
  private final int maxFieldChars;
  private final JsonParser parser;
  private boolean started;
  private long line;
  private long records;

  JsonRecords(Path file, String name, Charset charset, boolean ndjson, int maxFieldChars)
      throws IOException {
    this.file = file;
    this.name = name;
    this.charset = charset;
    this.ndjson = ndjson;
    this.maxFieldChars = maxFieldChars;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxFieldChars).build())
            .build();
    this.parser = factory.createParser(StrictText.open(file, charset));
  }

  /** Reads the next record into {@code sink}; false at the end of the file. */
  boolean next(Sink sink) throws IOException {
    try {
      JsonToken token = advanceToRecord();
      if (token == null) {
        return false;
      }
      line = parser.currentTokenLocation().getLineNr();
      records++;
      if (token != JsonToken.START_OBJECT) {
        throw FileActionException.at(
            name,
            line,
            "record "
                + records
                + " is "
                + describe(token)
                + ", expected an object"
                + (ndjson ? " (NDJSON has one object per line)" : ""));
      }
      readObject(null, sink);
      return true;
    } catch (StreamConstraintsException e) {
      // the string length limit is ours (maxFieldChars); number length and nesting depth are
      // Jackson's own
      throw FileActionException.at(
          name, location(), "exceeds a safety limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw FileActionException.at(name, location(), "not valid JSON: " + e.getOriginalMessage());
    } catch (CharacterCodingException e) {
      throw StrictText.encodingError(file, name, charset);
    }
  }

  private long location() {
    return parser.currentLocation().getLineNr();
  }

  private JsonToken advanceToRecord() throws IOException {
    JsonToken token = parser.nextToken();
    if (ndjson) {
      return token;
    }
    if (!started) {
      started = true;
      if (token == null) {
        throw FileActionException.at(name, 0, "is empty");
      }
      if (token != JsonToken.START_ARRAY) {
        throw FileActionException.at(
            name,
            location(),
            "expected a JSON array of objects, found "
                + describe(token)
                + " (for one object per line use format=ndjson)");
      }
      token = parser.nextToken();
    }
    if (token == JsonToken.END_ARRAY) {
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw FileActionException.at(
            name, location(), "unexpected " + describe(after) + " after the array");
      }
      return null;
    }
    return token;
  }

  /** Emits the leaves of the object at the current token; returns how many it emitted. */
  private int readObject(String prefix, Sink sink) throws IOException {
    int leaves = 0;
    for (JsonToken token = parser.nextToken();
        token == JsonToken.FIELD_NAME;
        token = parser.nextToken()) {
      String key = parser.currentName();
      String path = prefix == null ? key : prefix + "." + key;
      JsonToken value = parser.nextToken();
      switch (value) {
        case START_OBJECT:
          int inner = readObject(path, sink);
          if (inner == 0) {
            sink.leaf(path, "{}", ValueKind.STRING);
            inner = 1;
          }
          leaves += inner;
          continue;
        case START_ARRAY:
          sink.leaf(path, arrayText(), ValueKind.STRING);
          break;
        case VALUE_STRING:
          sink.leaf(path, parser.getText(), ValueKind.STRING);
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          sink.leaf(
              path, parser.getText(), ValueKind.LITERAL); // the literal as written: 1.50 stays 1.50
          break;
        case VALUE_TRUE:
          sink.leaf(path, "true", ValueKind.LITERAL);
          break;
        case VALUE_FALSE:
          sink.leaf(path, "false", ValueKind.LITERAL);
          break;
        default:
          sink.leaf(path, null, ValueKind.PLAIN);
      }
      leaves++;
    }
    return leaves;
  }

  /** The array at the current token as compact JSON, numbers copied as written. */
  private String arrayText() throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
      int depth = 0;
      JsonToken token = parser.currentToken();
      do {
        switch (token) {
          case START_ARRAY:
            out.writeStartArray();
            depth++;
            break;
          case END_ARRAY:
            out.writeEndArray();
            depth--;
            break;
          case START_OBJECT:
            out.writeStartObject();
            depth++;
            break;
          case END_OBJECT:
            out.writeEndObject();
            depth--;
            break;
          case FIELD_NAME:
            out.writeFieldName(parser.currentName());
            break;
          case VALUE_STRING:
            out.writeString(parser.getText());
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            out.writeNumber(parser.getText());
            break;
          case VALUE_TRUE:
            out.writeBoolean(true);
            break;
          case VALUE_FALSE:
            out.writeBoolean(false);
            break;
          default:
            out.writeNull();
        }
        if (depth > 0) {
          token = parser.nextToken();
        }
      } while (depth > 0);
    }
    if (text.getBuffer().length() > maxFieldChars) {
      throw FileActionException.at(
          name,
          location(),
          "an array is longer than the limit of " + maxFieldChars + " characters");
    }
    return text.toString();
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_ARRAY:
        return "an array";
      case START_OBJECT:
        return "an object";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.toString();
    }
  }

  /** Where the record last read starts. */
  long line() {
    return line;
  }

  /** Records read so far. */
  long records() {
    return records;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
