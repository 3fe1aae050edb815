package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ChangesSpec;
import dev.paw.spec.FieldPath;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a change feed's events: each event is read whole (events are small) and then told apart
 * into the objects it upserts and the objects it deletes, as the stream's {@code changes} says.
 */
final class ChangeEvents implements RowMapper<JsonNode> {

  /** What an event does to one object. */
  record Change(boolean delete, JsonNode object) {}

  static final ObjectMapper JSON = new ObjectMapper();

  private final ChangesSpec spec;
  private final String table;
  private final List<String> pageCursor;
  private final List<String> cursor;

  /**
   * @param pageCursor the event field the feed pages by ({@code id} for {@code starting_after}), or
   *     {@code null}
   */
  ChangeEvents(ChangesSpec spec, String table, String pageCursor) {
    this.spec = spec;
    this.table = table;
    this.pageCursor = pageCursor == null ? null : FieldPath.segments(pageCursor);
    this.cursor = spec.cursor() == null ? null : FieldPath.segments(spec.cursor());
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public JsonNode read(JsonParser parser, RecordContext context) throws IOException {
    JsonNode event = JSON.readTree(parser);
    if (pageCursor != null) {
      context.set(RecordContext.PAGE_CURSOR, scalar(JsonPaths.at(event, pageCursor)));
    }
    if (cursor != null) {
      context.set(RecordContext.INCREMENTAL_CURSOR, scalar(JsonPaths.at(event, cursor)));
    }
    return event;
  }

  @Override
  public void bind(JsonNode row, PreparedStatement statement) {
    throw new UnsupportedOperationException("events are applied, not stored");
  }

  @Override
  public List<Object> key(JsonNode row) {
    return List.of();
  }

  @Override
  public JsonNode read(dev.paw.runtime.ConnectorProtocol.StoredRow row) {
    throw new UnsupportedOperationException("events are applied, not stored");
  }

  /** The stream's row of a changed object, as a listing would map it. */
  static <R> R row(RowMapper<R> mapper, JsonNode object, String what) throws IOException {
    try (JsonParser parser = object.traverse(JSON)) {
      parser.nextToken();
      return mapper.read(parser, new RecordContext());
    } catch (dev.paw.runtime.mapping.RecordException e) {
      throw new SyncException(what + ": " + e.getMessage());
    }
  }

  /** The changes one event makes, in the order the event holds them. */
  List<Change> changes(JsonNode event) {
    List<Change> out = new ArrayList<>();
    if (spec.typed()) {
      JsonNode type = JsonPaths.at(event, FieldPath.segments(spec.type()));
      String name = type == null || !type.isValueNode() ? null : type.asText();
      boolean upsert = spec.upsert().contains(name);
      boolean delete = spec.delete().contains(name);
      if (upsert || delete) {
        JsonNode object =
            spec.object() == null ? event : JsonPaths.at(event, FieldPath.segments(spec.object()));
        objects(object, delete, out);
      }
      return out;
    }
    for (String path : spec.upsert()) {
      objects(atAll(event, FieldPath.segments(path)), false, out);
    }
    for (String path : spec.delete()) {
      objects(atAll(event, FieldPath.segments(path)), true, out);
    }
    return out;
  }

  private static void objects(JsonNode node, boolean delete, List<Change> out) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(item -> objects(item, delete, out));
    } else if (node.isObject()) {
      out.add(new Change(delete, node));
    }
  }

  /** Every value at a path, reading lists on the way element by element (an array node). */
  private static JsonNode atAll(JsonNode node, List<String> path) {
    List<JsonNode> current = List.of(node);
    for (String segment : path) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        collect(n == null ? null : n.get(segment), next);
      }
      current = next;
    }
    return JSON.valueToTree(current);
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(into::add);
    } else {
      into.add(node);
    }
  }

  private static Object scalar(JsonNode node) {
    if (node == null || !node.isValueNode() || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }
}
