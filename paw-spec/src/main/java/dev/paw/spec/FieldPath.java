package dev.paw.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dotted path to a field of a JSON record ({@code service.summary}). A dot inside a field name is
 * written {@code \.} ({@code @odata\.nextLink}).
 */
public final class FieldPath {

  private FieldPath() {}

  /**
   * The path's field names, or empty when the path is malformed (empty, or with an empty segment).
   */
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

  /**
   * Why {@code path} is not a field path, as a phrase that follows it in a message ({@code "'a..b'
   * has an empty field name ..."}), or {@code null} when it is one.
   */
  public static String problem(String path) {
    if (path == null || path.isEmpty()) {
      return "is empty";
    }
    return parse(path).isPresent()
        ? null
        : "has an empty field name (a dot at the start or end, or two dots in a row;"
            + " write a dot inside a name as \\.)";
  }

  /** The segments of a path already known to be valid. */
  public static List<String> segments(String path) {
    return parse(path)
        .orElseThrow(() -> new IllegalArgumentException("not a field path: '" + path + "'"));
  }
}
