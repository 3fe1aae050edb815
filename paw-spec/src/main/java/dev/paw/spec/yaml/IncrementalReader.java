package dev.paw.spec.yaml;

import dev.paw.spec.IncrementalSpec;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a stream's {@code incremental}: a record cursor or a sync token, and the parameter that
 * carries it.
 */
final class IncrementalReader {

  static final List<String> KEYS =
      List.of("cursor", "param", "token", "format", "divide_by", "lookback");

  private final YamlReader reader;

  IncrementalReader(YamlReader reader) {
    this.reader = reader;
  }

  /** The incremental settings of {@code what}, or {@code null} when absent or unusable. */
  IncrementalSpec read(YamlMapping s, String what) {
    Node node = s.present("incremental");
    if (node == null) {
      return null;
    }
    YamlMapping inc =
        reader.mapping(node, "'incremental' of " + what, "in the incremental settings of " + what);
    if (inc == null) {
      return null;
    }
    inc.checkKeys(KEYS);
    boolean byToken = inc.present("token") != null;
    if (inc.present("cursor") == null && !byToken) {
      reader.error(
          inc.node(),
          "incremental settings of "
              + what
              + " have no 'cursor' (the record field whose"
              + " highest value the next run starts from) or 'token' (the page field that holds a sync token)");
    }
    if (inc.present("cursor") != null && byToken) {
      reader.error(
          inc.keyNode("token"),
          "incremental settings of "
              + what
              + " give both 'cursor' and 'token';"
              + " a stream follows one or the other");
      return null;
    }
    if (inc.present("param") == null) {
      reader.error(
          inc.node(),
          "incremental settings of "
              + what
              + " have no 'param' (the request parameter that"
              + " asks for records from the cursor on)");
    }
    for (String key : List.of("format", "divide_by", "lookback")) {
      if (byToken && inc.present(key) != null) {
        reader.error(
            inc.keyNode(key),
            "'" + key + "' applies to a cursor, not to the sync token of " + what);
      }
    }
    String cursor = inc.fieldPath("cursor", what);
    String token = inc.fieldPath("token", what);
    String param =
        inc.present("param") == null
            ? null
            : reader.string(inc.value("param"), "'param' of " + what);
    String format =
        inc.present("format") == null
            ? null
            : reader.string(inc.value("format"), "'format' of " + what);
    if (format != null && !format.contains("{value}")) {
      reader.error(
          inc.value("format"),
          "'format' of "
              + what
              + " must hold {value} where the cursor goes, as in"
              + " 'after:{value}'");
      format = null;
    }
    Long divideBy = whole(inc, "divide_by", what, 1);
    java.time.Duration window = window(inc, what);
    Long lookback =
        window != null || isText(inc.present("lookback")) ? null : whole(inc, "lookback", what, 0);
    if ((cursor == null && token == null) || param == null) {
      return null;
    }
    return new IncrementalSpec(
        inc.location(), cursor, param, token, format, divideBy, lookback, window);
  }

  private static boolean isText(Node node) {
    return node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar
        && scalar.getTag().equals(org.yaml.snakeyaml.nodes.Tag.STR);
  }

  /**
   * A {@code lookback} written as a time ({@code 10m}, {@code 2h}, {@code 1d}): the window an
   * updated-at cursor steps back; {@code null} when it is a number or absent.
   */
  private java.time.Duration window(YamlMapping inc, String what) {
    Node node = inc.present("lookback");
    if (!isText(node)) {
      return null;
    }
    String text = reader.string(node, "'lookback' of " + what);
    java.time.Duration window =
        dev.paw.spec.Schedule.parse("every_" + text)
            .map(dev.paw.spec.Schedule::interval)
            .orElse(null);
    if (window == null) {
      reader.error(
          node,
          "'lookback' of "
              + what
              + " must be a whole number, or a time as in 10m, 2h or 1d, not '"
              + text
              + "'");
    }
    return window;
  }

  /** An optional whole number of at least {@code minimum}. */
  private Long whole(YamlMapping mapping, String key, String what, long minimum) {
    if (mapping.present(key) == null) {
      return null;
    }
    Long value = reader.integer(mapping.value(key), "'" + key + "' of " + what);
    if (value != null && value < minimum) {
      reader.error(
          mapping.value(key),
          "'" + key + "' of " + what + " must be at least " + minimum + ", not " + value);
      return null;
    }
    return value;
  }
}
