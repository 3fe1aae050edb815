package dev.paw.spec.yaml;

import dev.paw.spec.ChangesSpec;
import dev.paw.spec.FieldPath;
import dev.paw.spec.Schedule;
import dev.paw.spec.read.ReadChanges;
import dev.paw.spec.read.Reference;
import dev.paw.spec.read.WrittenParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a stream's {@code changes}: the feed action, how its events say what changed, and the
 * position the next run starts from. What one element shows is reported here; the actions it names
 * are resolved by the linker.
 */
final class ChangesReader {

  static final List<String> KEYS =
      List.of(
          "source",
          "params",
          "records",
          "type",
          "object",
          "upsert",
          "delete",
          "cursor",
          "token",
          "param",
          "start",
          "lookback",
          "newest_first",
          "retention",
          "expired");

  static final List<String> START_KEYS = List.of("action", "field");

  private final YamlReader reader;
  private final StreamSourceReader sources;

  ChangesReader(YamlReader reader) {
    this.reader = reader;
    this.sources = new StreamSourceReader(reader);
  }

  /** The change feed of {@code what}, or {@code null} when absent or unusable (reported). */
  ReadChanges read(YamlMapping s, String what) {
    Node node = s.present("changes");
    if (node == null) {
      return null;
    }
    String feed = "the change feed of " + what;
    YamlMapping c = reader.mapping(node, "'changes' of " + what, "in " + feed);
    if (c == null) {
      return null;
    }
    c.checkKeys(KEYS);
    String source = required(c, "source", feed, "the action that lists change events");
    String param =
        required(c, "param", feed, "the request parameter that carries the stored position");
    String records = c.fieldPath("records", feed);
    String type = c.fieldPath("type", feed);
    String object = c.fieldPath("object", feed);
    if (object != null && type == null) {
      reader.error(
          c.keyNode("object"),
          "'object' of "
              + feed
              + " applies with 'type'; without it, 'upsert' and 'delete' name the event"
              + " fields that hold the changed objects");
    }
    List<String> upsert = entries(c, "upsert", feed, type == null);
    List<String> delete = entries(c, "delete", feed, type == null);
    if (upsert.isEmpty() && delete.isEmpty() && c.present("upsert") == null) {
      reader.error(
          c.node(),
          feed
              + " has no 'upsert' or 'delete' ("
              + (type == null
                  ? "the event fields that hold changed objects"
                  : "the event types that insert, update or delete a row")
              + ")");
    }
    String cursor = c.fieldPath("cursor", feed);
    String token = c.fieldPath("token", feed);
    if (cursor == null && token == null && c.present("cursor") == null) {
      reader.error(
          c.node(),
          feed
              + " has no 'cursor' (the event field whose highest value is the next position) or"
              + " 'token' (the page field that holds it)");
    }
    if (cursor != null && token != null) {
      reader.error(
          c.keyNode("token"), feed + " gives both 'cursor' and 'token'; a feed follows one");
    }
    Reference start = null;
    String startField = null;
    Node startNode = c.present("start");
    if (startNode instanceof ScalarNode) {
      String text = reader.string(startNode, "'start' of " + feed);
      if (text != null && !text.equals("now")) {
        reader.error(
            startNode,
            "'start' of "
                + feed
                + " must be 'now' (the time a full listing starts, in Unix seconds) or"
                + " {action, field} (an action whose answer holds the current position)");
      }
    } else if (startNode != null) {
      YamlMapping m = reader.mapping(startNode, "'start' of " + feed, "in the start of " + feed);
      if (m != null) {
        m.checkKeys(START_KEYS);
        String action = required(m, "action", "the start of " + feed, "the action to call");
        if (m.present("field") == null) {
          reader.error(
              m.node(), "the start of " + feed + " has no 'field' (the field of its answer)");
        } else {
          startField = m.fieldPath("field", "the start of " + feed);
        }
        if (action != null) {
          start = new Reference(action, reader.location(m.value("action")));
        }
      }
    }
    Long lookback = null;
    if (c.present("lookback") != null) {
      lookback = reader.integer(c.value("lookback"), "'lookback' of " + feed);
      if (lookback != null && lookback < 0) {
        reader.error(
            c.value("lookback"), "'lookback' of " + feed + " must be at least 0, not " + lookback);
      }
    }
    boolean newestFirst = false;
    if (c.present("newest_first") != null) {
      Boolean b = reader.bool(c.value("newest_first"), "'newest_first' of " + feed);
      newestFirst = Boolean.TRUE.equals(b);
    }
    Duration retention = retention(c, feed);
    List<Integer> expired = expired(c, feed);
    List<WrittenParam> params = sources.params(c, feed);
    if (source == null || param == null) {
      return null; // the rest is still linked when it can be, so that every name is checked
    }
    Map<String, Object> values = new LinkedHashMap<>();
    params.forEach(p -> values.put(p.name(), p.value()));
    ChangesSpec spec =
        new ChangesSpec(
            c.location(),
            source,
            values,
            records,
            type,
            object,
            upsert,
            delete,
            cursor,
            token,
            param,
            start == null ? null : start.name(),
            startField,
            lookback,
            newestFirst,
            retention,
            expired);
    return new ReadChanges(
        spec, new Reference(source, reader.location(c.value("source"))), params, start);
  }

  private String required(YamlMapping m, String key, String what, String meaning) {
    if (m.present(key) == null) {
      reader.error(m.node(), what + " has no '" + key + "' (" + meaning + ")");
      return null;
    }
    return reader.string(m.value(key), "'" + key + "' of " + what);
  }

  /** Event types, or (for an untyped feed) the field paths of the changed objects. */
  private List<String> entries(YamlMapping c, String key, String what, boolean paths) {
    List<String> out = new ArrayList<>();
    Node node = c.present(key);
    if (node == null) {
      return out;
    }
    List<Node> items =
        node instanceof ScalarNode ? List.of(node) : reader.list(node, "'" + key + "' of " + what);
    if (items == null) {
      return out;
    }
    for (Node item : items) {
      String text = reader.string(item, "an entry of '" + key + "' of " + what);
      if (text == null) {
        continue;
      }
      String problem = paths ? FieldPath.problem(text) : null;
      if (problem != null) {
        reader.error(item, "'" + key + "' path '" + text + "' of " + what + " " + problem);
        continue;
      }
      if (out.contains(text)) {
        reader.error(item, "'" + text + "' is listed twice in '" + key + "' of " + what);
        continue;
      }
      out.add(text);
    }
    List<String> other = key.equals("upsert") ? List.of() : entriesQuietly(c, "upsert");
    for (String text : out) {
      if (other.contains(text)) {
        reader.error(
            node, "'" + text + "' of " + what + " is in both 'upsert' and 'delete'; it means one");
      }
    }
    return out;
  }

  private List<String> entriesQuietly(YamlMapping c, String key) {
    Node node = c.present(key);
    if (node instanceof ScalarNode scalar) {
      return List.of(scalar.getValue());
    }
    if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence) {
      List<String> out = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode scalar) {
          out.add(scalar.getValue());
        }
      }
      return out;
    }
    return List.of();
  }

  private Duration retention(YamlMapping c, String what) {
    Node node = c.present("retention");
    if (node == null) {
      return null;
    }
    String text = reader.string(node, "'retention' of " + what);
    if (text == null) {
      return null;
    }
    Schedule parsed = Schedule.parse("every_" + text).orElse(null);
    if (parsed == null) {
      reader.error(
          node,
          "'retention' of "
              + what
              + " must be a number and a unit, as in 30d, 12h or 90m, not '"
              + text
              + "'");
      return null;
    }
    return parsed.interval();
  }

  private List<Integer> expired(YamlMapping c, String what) {
    Node node = c.present("expired");
    if (node == null) {
      return ChangesSpec.DEFAULT_EXPIRED;
    }
    List<Node> items =
        node instanceof ScalarNode ? List.of(node) : reader.list(node, "'expired' of " + what);
    List<Integer> out = new ArrayList<>();
    if (items == null) {
      return out;
    }
    for (Node item : items) {
      Long status = reader.integer(item, "an HTTP status in 'expired' of " + what);
      if (status == null) {
        continue;
      }
      if (status < 400 || status > 599) {
        reader.error(
            item,
            "'expired' of " + what + " lists HTTP error statuses (400 to 599), not " + status);
        continue;
      }
      out.add(status.intValue());
    }
    return out;
  }
}
