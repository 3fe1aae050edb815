package dev.paw.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.FieldPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * An action's answer as a typed value (the rows of a synced table, or the record of the action's
 * declared {@code returns} fields), beside the raw result it was read from. Generated clients
 * answer with it.
 *
 * <p>The value is read on first use, so an answer that does not fit never fails the call: fields it
 * lacks are {@code null}, fields it adds are ignored, and {@link #raw()} always holds what the
 * service sent.
 *
 * @param <T> the type of the value
 */
public final class TypedResult<T> {

  /**
   * Reads a typed value from an answer; the parser is on the answer's first token ({@code null}
   * when empty).
   */
  @FunctionalInterface
  public interface Reader<T> {
    T read(JsonParser parser) throws IOException;
  }

  private static final JsonFactory JSON = new JsonFactory();

  private final ActionResult raw;
  private final Reader<T> reader;
  private T value;
  private boolean read;

  private TypedResult(ActionResult raw, Reader<T> reader) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The answer read by {@code reader}, for an action with declared {@code returns} fields. */
  public static <T> TypedResult<T> of(ActionResult raw, Reader<T> reader) {
    return new TypedResult<>(raw, reader);
  }

  /**
   * The answer's records read as rows by {@code mapper}, for an action whose records a sync stream
   * maps.
   *
   * @param records the path of the records in the answer; {@code null} for the answer itself when
   *     it is an array, else its {@code data} field, else its first array field. Records that are
   *     missing or not objects give no rows.
   */
  public static <R> TypedResult<List<R>> rows(
      ActionResult raw, String records, RowMapper<R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new TypedResult<>(raw, parser -> readRows(raw, records, mapper));
  }

  /** The result as the service sent it. */
  public ActionResult raw() {
    return raw;
  }

  /**
   * The typed value, read from the answer the first time it is asked for.
   *
   * @throws IllegalStateException when the answer is not JSON, or a field holds a value of another
   *     type than declared (the message names the field)
   */
  public synchronized T value() {
    if (!read) {
      try (JsonParser parser = JSON.createParser(raw.body())) {
        parser.nextToken();
        value = reader.read(parser);
      } catch (IOException e) {
        throw new IllegalStateException(
            "the answer of '" + raw.action() + "' cannot be read: " + e.getMessage(), e);
      }
      read = true;
    }
    return value;
  }

  @Override
  public String toString() {
    return "TypedResult{" + raw + "}";
  }

  private static <R> List<R> readRows(ActionResult raw, String records, RowMapper<R> mapper)
      throws IOException {
    JsonNode array =
        records == null ? defaultRecords(raw.json()) : at(raw.json(), FieldPath.segments(records));
    List<R> rows = new ArrayList<>();
    if (array == null || !array.isArray()) {
      return Collections.unmodifiableList(rows);
    }
    for (JsonNode record : array) {
      if (record.isObject()) {
        try (JsonParser parser = record.traverse()) {
          parser.nextToken();
          rows.add(mapper.read(parser, new RecordContext()));
        }
      }
    }
    return Collections.unmodifiableList(rows);
  }

  private static JsonNode defaultRecords(JsonNode root) {
    if (root.isArray()) {
      return root;
    }
    if (root.path("data").isArray()) {
      return root.get("data");
    }
    for (Iterator<JsonNode> fields = root.elements(); fields.hasNext(); ) {
      JsonNode field = fields.next();
      if (field.isArray()) {
        return field;
      }
    }
    return null;
  }

  private static JsonNode at(JsonNode root, List<String> path) {
    JsonNode node = root;
    for (String segment : path) {
      node = node.get(segment);
      if (node == null) {
        return null;
      }
    }
    return node;
  }
}
