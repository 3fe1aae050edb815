package dev.paw.spec.yaml;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ChildRequestSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.FieldPath;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.IncrementalSpec;
import dev.paw.spec.Location;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import dev.paw.spec.Schedule;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.WriteMode;
import dev.paw.spec.diagnostic.Wording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code sync}: one stream (a mapping, as PocketPaw writes it) or several (a list). PocketPaw's
 * {@code table: null} means the connector syncs nothing.
 *
 * <p>A {@code source} or {@code primary_key} that names no action or column is reported here and still kept in the
 * stream, so that the linker does not infer or demand what the file already tried to say. A loader never hands out a
 * spec with errors, so such a stream goes no further.
 */
final class SyncReader {

  static final List<String> KEYS = List.of("table", "schedule", "mapping", "source", "params", "records",
      "primary_key", "incremental", "write_mode", "max_pages", "each");
  static final List<String> INCREMENTAL_KEYS = List.of("cursor", "param", "token", "format", "divide_by",
      "lookback");
  static final List<String> EACH_KEYS = List.of("action", "params");
  private static final List<String> WRITE_MODES = Arrays.stream(WriteMode.values()).map(WriteMode::wireName).toList();
  private static final Pattern EVERY = Pattern.compile("every_([0-9]+)([mhd]?)");

  private final YamlReader reader;
  private final ColumnReader columns;

  SyncReader(YamlReader reader) {
    this.reader = reader;
    this.columns = new ColumnReader(reader);
  }

  List<StreamSpec> read(Node node, List<ActionSpec> actions) {
    List<StreamSpec> streams = new ArrayList<>();
    if (node == null || reader.isNull(node)) {
      return streams;
    }
    List<Node> items;
    if (node instanceof MappingNode) {
      items = List.of(node);
    } else if (node instanceof SequenceNode sequence) {
      items = sequence.getValue();
    } else {
      reader.error(node, "'sync' must be a mapping (one stream) or a list of streams, not " + reader.describe(node));
      return streams;
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
      // PocketPaw's 'table: null': nothing syncs, but what the stream says must still make sense.
      s.checkKeys(KEYS);
      settings(s, null, label, actions);
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
    return settings(s, table, what, actions);
  }

  /** Reads everything of a stream but its table name. */
  private StreamSpec settings(YamlMapping s, String table, String what, List<ActionSpec> actions) {
    Schedule schedule = schedule(s, what);
    List<ColumnSpec> mapped = columns.read(s.present("mapping"), what);
    String sourceName = s.present("source") == null ? null : reader.string(s.value("source"), "'source' of " + what);
    ActionSpec source = sourceName == null ? null : source(s.value("source"), sourceName, what, actions);
    Map<String, Object> params = params(s, what, source);
    String records = path(s, "records", what);
    List<String> primaryKey = primaryKey(s, what, mapped);
    IncrementalSpec incremental = incremental(s, what);
    WriteMode writeMode = writeMode(s, what);
    if (incremental != null && writeMode == WriteMode.REPLACE) {
      reader.error(s.value("write_mode"), what + " is incremental, so a run fetches only new records and"
          + " 'write_mode: replace' would delete all the others; use merge or append");
    }
    Integer maxPages = null;
    if (s.present("max_pages") != null) {
      Long value = reader.integer(s.value("max_pages"), "'max_pages' of " + what);
      if (value != null && (value < 1 || value > Integer.MAX_VALUE)) {
        reader.error(s.value("max_pages"), "'max_pages' of " + what + " must be at least 1, not " + value);
      } else if (value != null) {
        maxPages = value.intValue();
      }
    }
    ChildRequestSpec each = s.present("each") == null ? null : new ChildRequestReader(reader)
        .read(s.value("each"), what, actions);
    Location location = reader.location(s.value("table"));
    return new StreamSpec(location, table, schedule, sourceName, params, records, mapped, primaryKey, incremental,
        writeMode, maxPages, each);
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
      reader.error(node, scheduleProblem(text, what));
      return Schedule.MANUAL;
    });
  }

  /** Why {@code text} is not a schedule, with the fix when one is likely. */
  private static String scheduleProblem(String text, String what) {
    String normalised = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    if (Schedule.parse(normalised).isPresent()) {
      return "unknown schedule '" + text + "' in " + what + " (did you mean '" + normalised + "'?)";
    }
    Matcher every = EVERY.matcher(normalised);
    if (every.matches() && every.group(2).isEmpty()) {
      String n = every.group(1);
      return "schedule '" + text + "' in " + what + " has no unit (write every_" + n + "m, every_" + n + "h or every_"
          + n + "d)";
    }
    if (every.matches()) {
      String unit = switch (every.group(2)) {
        case "m" -> "minute";
        case "h" -> "hour";
        default -> "day";
      };
      return "schedule '" + text + "' in " + what + (every.group(1).matches("0+")
          ? " must wait at least 1 " + unit + " between runs (e.g. every_1" + every.group(2) + ")"
          : " must count " + unit + "s from 1 to 999999, without leading zeros");
    }
    String hint = Wording.didYouMean(text, Schedule.EXAMPLES);
    return "unknown schedule '" + text + "' in " + what + (hint.isEmpty()
        ? " (expected manual, hourly, daily or every_<N>m, every_<N>h, every_<N>d, e.g. every_15m)" : hint);
  }

  /** The action {@code name} (a stream's source) if it can supply records; else {@code null}, with an error. */
  private ActionSpec source(Node node, String name, String what, List<ActionSpec> actions) {
    ActionSpec action = actions.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    if (action == null) {
      reader.error(node, "source action '" + name + "' of " + what + " is not an action of this connector"
          + Wording.didYouMean(name, actions.stream().map(ActionSpec::name).toList()));
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
      Node valueNode = mapping.value(name);
      int errorsBefore = reader.diagnostics().errorCount();
      Object value = reader.value(valueNode);
      if (reader.diagnostics().errorCount() > errorsBefore) {
        continue;
      }
      if (source != null) {
        ParamSpec param = source.param(name).orElse(null);
        if (param == null) {
          List<String> names = source.allParams().stream().map(ParamSpec::name).toList();
          reader.error(mapping.keyNode(name), "parameter '" + name + "' in " + what + " is not a parameter of its"
              + " source action '" + source.name() + "'" + (names.isEmpty() ? " (it has none)"
              : Wording.hintOrList(name, names, names)));
          continue;
        }
        if (param.type() == ParamType.NUMBER && value instanceof Long l) {
          value = l.doubleValue();
        }
        if (!param.type().accepts(value)) {
          reader.error(valueNode, "parameter '" + name + "' in " + what + " must be "
              + Wording.article(param.type().wireName()) + " (as action '" + source.name() + "' declares it), not "
              + reader.describe(valueNode));
          continue;
        }
      }
      params.put(name, value);
    }
    return params;
  }

  private String path(YamlMapping s, String key, String what) {
    if (s.present(key) == null) {
      return null;
    }
    String path = reader.string(s.value(key), "'" + key + "' of " + what);
    String problem = path == null ? null : FieldPath.problem(path);
    if (problem != null) {
      reader.error(s.value(key), "'" + key + "' path '" + path + "' of " + what + " " + problem);
      return null;
    }
    return path;
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
      if (key.contains(name)) {
        reader.error(item, "primary key '" + name + "' of " + what + " is listed twice");
        continue;
      }
      if (!names.contains(name)) {
        reader.error(item, "primary key '" + name + "' of " + what + " is not one of its columns"
            + (names.isEmpty() ? " (it maps none)" : Wording.hintOrList(name, names, names)));
      }
      key.add(name);
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
    boolean byToken = inc.present("token") != null;
    if (inc.present("cursor") == null && !byToken) {
      reader.error(inc.node(), "incremental settings of " + what + " have no 'cursor' (the record field whose"
          + " highest value the next run starts from) or 'token' (the page field that holds a sync token)");
    }
    if (inc.present("cursor") != null && byToken) {
      reader.error(inc.keyNode("token"), "incremental settings of " + what + " give both 'cursor' and 'token';"
          + " a stream follows one or the other");
      return null;
    }
    if (inc.present("param") == null) {
      reader.error(inc.node(), "incremental settings of " + what + " have no 'param' (the request parameter that"
          + " asks for records from the cursor on)");
    }
    for (String key : List.of("format", "divide_by", "lookback")) {
      if (byToken && inc.present(key) != null) {
        reader.error(inc.keyNode(key), "'" + key + "' applies to a cursor, not to the sync token of " + what);
      }
    }
    String cursor = path(inc, "cursor", what);
    String token = path(inc, "token", what);
    String param = inc.present("param") == null ? null : reader.string(inc.value("param"), "'param' of " + what);
    String format = inc.present("format") == null ? null : reader.string(inc.value("format"), "'format' of " + what);
    if (format != null && !format.contains("{value}")) {
      reader.error(inc.value("format"), "'format' of " + what + " must hold {value} where the cursor goes, as in"
          + " 'after:{value}'");
      format = null;
    }
    Long divideBy = whole(inc, "divide_by", what, 1);
    Long lookback = whole(inc, "lookback", what, 0);
    if ((cursor == null && token == null) || param == null) {
      return null;
    }
    return new IncrementalSpec(inc.location(), cursor, param, token, format, divideBy, lookback);
  }

  /** An optional whole number of at least {@code minimum}. */
  private Long whole(YamlMapping mapping, String key, String what, long minimum) {
    if (mapping.present(key) == null) {
      return null;
    }
    Long value = reader.integer(mapping.value(key), "'" + key + "' of " + what);
    if (value != null && value < minimum) {
      reader.error(mapping.value(key), "'" + key + "' of " + what + " must be at least " + minimum + ", not " + value);
      return null;
    }
    return value;
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
          + Wording.hintOrList(text, WRITE_MODES, WRITE_MODES));
      return WriteMode.MERGE;
    }
    return WriteMode.valueOf(text.toUpperCase(Locale.ROOT));
  }
}
