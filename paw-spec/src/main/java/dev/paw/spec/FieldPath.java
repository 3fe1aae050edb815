package dev.paw.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dotted path to a field of a JSON record ({@code service.summary}). A dot inside a field name is written
 * {@code \.} ({@code @odata\.nextLink}).
 */
public final class FieldPath {

  private FieldPath() {}

  /** The path's field names, or empty when the path is malformed (empty, or with an empty segment). */
  public static Optional<List<String>> parse(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '.') {
        segment.append('.');
        i++;
      } else if (c == '.') {
        if (segment.length() == 0) {
          return Optional.empty();
        }
        segments.add(segment.toString());
        segment.setLength(0);
      } else {
        segment.append(c);
      }
    }
    if (segment.length() == 0) {
      return Optional.empty();
    }
    segments.add(segment.toString());
    return Optional.of(List.copyOf(segments));
  }

  /** The segments of a path already known to be valid. */
  public static List<String> segments(String path) {
    return parse(path).orElseThrow(() -> new IllegalArgumentException("not a field path: '" + path + "'"));
  }
}
