package dev.paw.spec.yaml;

import dev.paw.spec.ColumnSpec;
import dev.paw.spec.IncrementalSpec;
import dev.paw.spec.Schedule;
import dev.paw.spec.WriteMode;
import dev.paw.spec.diagnostic.Wording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a stream's {@code full_refresh} and checks that its ways of staying fresh fit together: a
 * change feed replaces an incremental cursor, and both a feed and a full refresh merge by key.
 */
final class FreshnessChecks {

  private FreshnessChecks() {}

  /** How often the stream lists everything and removes what the source no longer has. */
  static Schedule fullRefresh(YamlReader reader, YamlMapping s, String what) {
    Node node = s.present("full_refresh");
    if (node == null) {
      return null;
    }
    String text = reader.string(node, "'full_refresh' of " + what);
    if (text == null) {
      return null;
    }
    Schedule schedule = Schedule.parse(text).orElse(null);
    if (schedule == null || schedule.isManual()) {
      reader.error(
          node,
          "'full_refresh' of "
              + what
              + " must be how often to list everything again, as in every_1d, daily or"
              + " every_12h, not '"
              + text
              + "'");
      return null;
    }
    return schedule;
  }

  static void check(
      YamlReader reader, YamlMapping s, String what, IncrementalSpec cursor, WriteMode mode) {
    if (s.present("changes") != null && cursor != null) {
      reader.error(
          s.keyNode("changes"),
          what
              + " has both 'incremental' and 'changes'; after its first full listing a stream with"
              + " a change feed reads only the feed, so leave 'incremental' out");
    }
    for (String key : new String[] {"changes", "full_refresh"}) {
      if (s.present(key) != null && mode != WriteMode.MERGE) {
        reader.error(
            s.keyNode(key),
            "'"
                + key
                + "' of "
                + what
                + " updates and deletes rows by primary key, so it needs 'write_mode: merge', not "
                + mode.wireName()
                + (mode == WriteMode.REPLACE
                    ? " (replace lists everything every run already)"
                    : ""));
      }
    }
  }

  /**
   * The column values that mean a record is gone ({@code delete_when: {status: cancelled}}): each
   * key a mapped column, each value a scalar or a list of them.
   */
  static Map<String, List<Object>> deleteWhen(
      YamlReader reader, YamlMapping s, String what, List<ColumnSpec> columns) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    Node node = s.present("delete_when");
    if (node == null) {
      return out;
    }
    YamlMapping m = reader.mapping(node, "'delete_when' of " + what, "in 'delete_when' of " + what);
    if (m == null) {
      return out;
    }
    List<String> names = columns.stream().map(ColumnSpec::name).toList();
    for (String column : m.keys()) {
      if (!names.contains(column)) {
        reader.error(
            m.keyNode(column),
            "'delete_when' of "
                + what
                + " names column '"
                + column
                + "', which it does not map"
                + (names.isEmpty() ? "" : Wording.hintOrList(column, names, names)));
        continue;
      }
      Node value = m.value(column);
      List<Node> items =
          value instanceof ScalarNode
              ? List.of(value)
              : reader.list(value, "the values of '" + column + "' in 'delete_when' of " + what);
      if (items == null) {
        continue;
      }
      List<Object> values = new ArrayList<>();
      for (Node item : items) {
        if (!(item instanceof ScalarNode) || reader.isNull(item)) {
          reader.error(
              item,
              "a value of '"
                  + column
                  + "' in 'delete_when' of "
                  + what
                  + " must be a string, number or boolean, not "
                  + reader.describe(item));
          continue;
        }
        values.add(reader.value(item));
      }
      if (!values.isEmpty()) {
        out.put(column, List.copyOf(values));
      }
    }
    return out;
  }
}
