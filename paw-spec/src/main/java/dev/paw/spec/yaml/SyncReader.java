package dev.paw.spec.yaml;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ColumnType;
import dev.paw.spec.FieldPath;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.IncrementalSpec;
import dev.paw.spec.Location;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.Schedule;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.Values;
import dev.paw.spec.WriteMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code sync}: one stream (a mapping, as PocketPaw writes it) or several (a list). PocketPaw's
 * {@code table: null} means the connector syncs nothing.
 */
final class SyncReader {

  static final List<String> KEYS = List.of("table", "schedule", "mapping", "source", "params", "records",
      "primary_key", "incremental", "write_mode", "max_pages");
  static final List<String> COLUMN_KEYS = List.of("from", "type");
  static final List<String> INCREMENTAL_KEYS = List.of("cursor", "param");
  private static final List<String> COLUMN_TYPES =
      Arrays.stream(ColumnType.values()).map(ColumnType::wireName).toList();
  private static final List<String> WRITE_MODES = Arrays.stream(WriteMode.values()).map(WriteMode::wireName).toList();

  private final YamlReader reader;

  SyncReader(YamlReader reader) {
    this.reader = reader;
  }

  List<StreamSpec> read(Node node, List<ActionSpec> actions) {
    List<StreamSpec> streams = new ArrayList<>();
    if (node == null || reader.isNull(node)) {
      return streams;
    }
    List<Node> items;
    if (node instanceof MappingNode) {
      items = List.of(node);
    } else {
      items = reader.list(node, "'sync'");
      if (items == null) {
        return streams;
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    int index = 0;
    for (Node item : items) {
      index++;
      String label = items.size() == 1 ? "sync" : "sync stream #" + index;
      YamlMapping s = reader.mapping(item, label, "in " + label);
      if (s == null) {
        continue;
      }
      StreamSpec stream = stream(s, label, actions);
      if (stream == null) {
        continue;
      }
      Integer firstLine = seen.putIfAbsent(stream.table().toLowerCase(Locale.ROOT), stream.location().line());
      if (firstLine != null) {
        reader.error(s.value("table"), "duplicate sync table '" + stream.table() + "' (first synced at line "
            + firstLine + ")");
        continue;
      }
      streams.add(stream);
    }
    return streams;
  }

  private StreamSpec stream(YamlMapping s, String label, List<ActionSpec> actions) {
    if (!s.has("table")) {
      s.checkKeys(KEYS);
      reader.error(s.node(), label + " has no 'table' (write 'table: null' for a connector that syncs nothing)");
      return null;
    }
    if (s.present("table") == null) {
      s.checkKeys(KEYS);
      return null;
    }
    String table = reader.string(s.value("table"), "'table' of " + label);
    if (table == null) {
      s.checkKeys(KEYS);
      return null;
    }
    String what = "sync stream '" + table + "'";
    s = s.withContext("in " + what);
    s.checkKeys(KEYS);
    String problem = SqlNames.problem(table);
    if (problem != null) {
      reader.error(s.value("table"), "table name '" + table + "' " + problem);
      return null;
    }
    Schedule schedule = schedule(s, what);
    List<ColumnSpec> columns = columns(s, what);
    ActionSpec source = source(s, what, actions);
    Map<String, Object> params = params(s, what, source);
    String records = null;
    if (s.present("records") != null) {
      records = reader.string(s.value("records"), "'records' of " + what);
      if (records != null && FieldPath.parse(records).isEmpty()) {
        reader.error(s.value("records"), "'records' of " + what + " is not a dotted field path: '" + records + "'");
        records = null;
      }
    }
    List<String> primaryKey = primaryKey(s, what, columns);
    IncrementalSpec incremental = incremental(s, what);
    WriteMode writeMode = writeMode(s, what);
    Integer maxPages = null;
    if (s.present("max_pages") != null) {
      Long value = reader.integer(s.value("max_pages"), "'max_pages' of " + what);
      if (value != null && (value < 1 || value > Integer.MAX_VALUE)) {
        reader.error(s.value("max_pages"), "'max_pages' of " + what + " must be at least 1, not " + value);
      } else if (value != null) {
        maxPages = value.intValue();
      }
    }
    Location location = reader.location(s.value("table"));
    return new StreamSpec(location, table, schedule, source == null ? null : source.name(), params, records, columns,
        primaryKey, incremental, writeMode, maxPages);
  }

  private Schedule schedule(YamlMapping s, String what) {
    Node node = s.present("schedule");
    if (node == null) {
      return Schedule.MANUAL;
    }
    String text = reader.string(node, "'schedule' of " + what);
    if (text == null) {
      return Schedule.MANUAL;
    }
    return Schedule.parse(text).orElseGet(() -> {
      String hint = DidYouMean.hint(text, Schedule.EXAMPLES);
      reader.error(node, "unknown schedule '" + text + "' in " + what + (hint.isEmpty()
          ? " (expected manual, hourly, daily or every_<N>m, every_<N>h, every_<N>d, e.g. every_15m)" : hint));
      return Schedule.MANUAL;
    });
  }

  private List<ColumnSpec> columns(YamlMapping s, String what) {
    List<ColumnSpec> columns = new ArrayList<>();
    Node node = s.present("mapping");
    if (node == null) {
      return columns;
    }
    YamlMapping mapping = reader.mapping(node, "'mapping' of " + what, "in the mapping of " + what);
    if (mapping == null) {
      return columns;
    }
    Map<String, String> lowerCase = new HashMap<>();
    for (String name : mapping.keys()) {
      Node key = mapping.keyNode(name);
      String problem = SqlNames.problem(name);
      if (problem != null) {
        reader.error(key, "column name '" + name + "' in " + what + " " + problem);
        continue;
      }
      String clash = lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (clash != null) {
        reader.error(key, "column '" + name + "' in " + what + " clashes with '" + clash
            + "' (SQLite names ignore case)");
        continue;
      }
      ColumnSpec column = column(name, key, mapping.value(name), what);
      if (column != null) {
        columns.add(column);
      }
    }
    return columns;
  }

  private ColumnSpec column(String name, Node key, Node value, String what) {
    String col = "column '" + name + "' of " + what;
    String from = name;
    ColumnType type = ColumnType.ANY;
    Node fromNode = key;
    if (value instanceof ScalarNode && !reader.isNull(value)) {
      from = reader.string(value, "the mapping of " + col);
      fromNode = value;
    } else if (value instanceof MappingNode) {
      YamlMapping def = reader.mapping(value, col, "in " + col);
      def.checkKeys(COLUMN_KEYS);
      if (def.present("from") != null) {
        fromNode = def.value("from");
        from = reader.string(fromNode, "'from' of " + col);
      }
      Node typeNode = def.present("type");
      if (typeNode != null) {
        String typeName = reader.string(typeNode, "'type' of " + col);
        if (typeName != null) {
          if (!COLUMN_TYPES.contains(typeName)) {
            reader.error(typeNode, "unknown column type '" + typeName + "' of " + col
                + AuthReader.hintOrList(typeName, COLUMN_TYPES, COLUMN_TYPES));
            return null;
          }
          type = ColumnType.valueOf(typeName.toUpperCase(Locale.ROOT));
        }
      }
    } else if (!reader.isNull(value)) {
      reader.error(value, "the mapping of " + col + " must be a field path or {from, type}, not "
          + reader.describe(value));
      return null;
    }
    if (from == null) {
      return null;
    }
    if (FieldPath.parse(from).isEmpty()) {
      reader.error(fromNode, "mapping path '" + from + "' of " + col + " is not a dotted field path");
      return null;
    }
    return new ColumnSpec(reader.location(key), name, from, type);
  }

  private ActionSpec source(YamlMapping s, String what, List<ActionSpec> actions) {
    Node node = s.present("source");
    if (node == null) {
      return null;
    }
    String name = reader.string(node, "'source' of " + what);
    if (name == null) {
      return null;
    }
    ActionSpec action = actions.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    if (action == null) {
      reader.error(node, "source action '" + name + "' of " + what + " is not an action of this connector"
          + DidYouMean.hint(name, actions.stream().map(ActionSpec::name).toList()));
      return null;
    }
    if (action.method() == HttpMethod.LOCAL || action.url() == null) {
      reader.error(node, "source action '" + name + "' of " + what + " has no url to fetch records from");
      return null;
    }
    return action;
  }

  private Map<String, Object> params(YamlMapping s, String what, ActionSpec source) {
    Map<String, Object> params = new LinkedHashMap<>();
    Node node = s.present("params");
    if (node == null) {
      return params;
    }
    YamlMapping mapping = reader.mapping(node, "'params' of " + what, "in the params of " + what);
    if (mapping == null) {
      return params;
    }
    for (String name : mapping.keys()) {
      Object value = reader.value(mapping.value(name));
      if (source != null) {
        ParamSpec param = source.param(name).orElse(null);
        if (param == null) {
          reader.error(mapping.keyNode(name), "parameter '" + name + "' in " + what + " is not a parameter of its"
              + " source action '" + source.name() + "'"
              + DidYouMean.hint(name, source.allParams().stream().map(ParamSpec::name).toList()));
          continue;
        }
        if (param.type() == dev.paw.spec.ParamType.NUMBER && value instanceof Long l) {
          value = l.doubleValue();
        }
        if (!param.type().accepts(value)) {
          reader.error(mapping.value(name), "parameter '" + name + "' in " + what + " is "
              + ParamReader.article(param.type().wireName()) + ", not " + ParamReader.article(Values.typeName(value)));
          continue;
        }
      }
      params.put(name, value);
    }
    return params;
  }

  private List<String> primaryKey(YamlMapping s, String what, List<ColumnSpec> columns) {
    List<String> key = new ArrayList<>();
    Node node = s.present("primary_key");
    if (node == null) {
      return key;
    }
    List<Node> items = node instanceof ScalarNode ? List.of(node) : reader.list(node, "'primary_key' of " + what);
    if (items == null) {
      return key;
    }
    List<String> names = columns.stream().map(ColumnSpec::name).toList();
    for (Node item : items) {
      String name = reader.string(item, "a primary key column of " + what);
      if (name == null) {
        continue;
      }
      if (!names.contains(name)) {
        reader.error(item, "primary key '" + name + "' of " + what + " is not one of its columns"
            + (names.isEmpty() ? " (it maps none)" : AuthReader.hintOrList(name, names, names)));
      } else if (key.contains(name)) {
        reader.error(item, "primary key '" + name + "' of " + what + " is listed twice");
      } else {
        key.add(name);
      }
    }
    return key;
  }

  private IncrementalSpec incremental(YamlMapping s, String what) {
    Node node = s.present("incremental");
    if (node == null) {
      return null;
    }
    YamlMapping inc = reader.mapping(node, "'incremental' of " + what, "in the incremental settings of " + what);
    if (inc == null) {
      return null;
    }
    inc.checkKeys(INCREMENTAL_KEYS);
    String cursor = inc.present("cursor") == null ? null : reader.string(inc.value("cursor"), "'cursor' of " + what);
    String param = inc.present("param") == null ? null : reader.string(inc.value("param"), "'param' of " + what);
    if (cursor == null || param == null) {
      if (inc.present("cursor") == null || inc.present("param") == null) {
        reader.error(node, "incremental sync of " + what + " needs 'cursor' (the record field) and 'param' (the"
            + " request parameter that filters by it)");
      }
      return null;
    }
    if (FieldPath.parse(cursor).isEmpty()) {
      reader.error(inc.value("cursor"), "'cursor' of " + what + " is not a dotted field path: '" + cursor + "'");
      return null;
    }
    return new IncrementalSpec(inc.location(), cursor, param);
  }

  private WriteMode writeMode(YamlMapping s, String what) {
    Node node = s.present("write_mode");
    if (node == null) {
      return WriteMode.MERGE;
    }
    String text = reader.string(node, "'write_mode' of " + what);
    if (text == null) {
      return WriteMode.MERGE;
    }
    if (!WRITE_MODES.contains(text)) {
      reader.error(node, "unknown write_mode '" + text + "' of " + what
          + AuthReader.hintOrList(text, WRITE_MODES, WRITE_MODES));
      return WriteMode.MERGE;
    }
    return WriteMode.valueOf(text.toUpperCase(Locale.ROOT));
  }
}
