package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.spec.FieldPath;
import java.util.List;

/** The value at a field path (a connector file's dotted {@link FieldPath}) in a Jackson tree. */
public final class JsonPaths {

  private JsonPaths() {}

  /** The value at {@code path} below {@code node}; {@code null} when a step is absent. */
  public static JsonNode at(JsonNode node, List<String> path) {
    JsonNode current = node;
    for (String segment : path) {
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(segment);
    }
    return current;
  }

  /** {@link #at(JsonNode, List)} for a dotted path as the file writes it. */
  public static JsonNode at(JsonNode node, String dottedPath) {
    return at(node, FieldPath.segments(dottedPath));
  }
}
