package dev.paw.spec.yaml;

import dev.paw.spec.FieldPath;
import dev.paw.spec.Location;
import dev.paw.spec.diagnostic.Wording;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read by key. Duplicate keys are errors (SnakeYAML would keep the last one
 * silently), merge keys ({@code <<: *base}) are applied, and {@link #checkKeys} reports keys the
 * format does not know.
 */
public final class YamlMapping {

  private final MappingNode node;
  private final String context;
  private final YamlReader reader;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  /** Mappings merged so far, compared by identity (aliases share nodes). */
  private final Set<Node> merging = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Keys that came from a merge key; the mapping's own entries override them. */
  private final Set<String> mergedKeys = new HashSet<>();

  YamlMapping(MappingNode node, String context, YamlReader reader) {
    this.node = node;
    this.context = context;
    this.reader = reader;
    for (NodeTuple tuple : YamlReader.tuples(node)) {
      add(tuple, false);
    }
  }

  private YamlMapping(YamlMapping other, String context) {
    this.node = other.node;
    this.context = context;
    this.reader = other.reader;
    this.entries.putAll(other.entries);
  }

  /**
   * The same mapping, named differently in messages (once its name is known); nothing is checked
   * again.
   */
  public YamlMapping withContext(String newContext) {
    return new YamlMapping(this, newContext);
  }

  private void add(NodeTuple tuple, boolean merged) {
    Node key = tuple.getKeyNode();
    if (!reader.spend(key)) {
      return;
    }
    if (key.getTag().equals(Tag.MERGE)) {
      merge(tuple.getValueNode());
      return;
    }
    if (!(key instanceof ScalarNode scalar) || reader.isNull(key)) {
      reader.error(key, "keys must be plain names, not " + reader.describe(key) + " " + context);
      return;
    }
    String name = scalar.getValue();
    NodeTuple first = entries.get(name);
    if (first == null) {
      entries.put(name, tuple);
      if (merged) {
        mergedKeys.add(name);
      }
    } else if (!merged && mergedKeys.remove(name)) {
      entries.put(name, tuple);
    } else if (!merged) {
      reader.error(
          key,
          "duplicate key '"
              + name
              + "' "
              + context
              + " (first written at line "
              + reader.location(first.getKeyNode()).line()
              + ")");
    }
  }

  /**
   * Applies a merge key: entries of the merged mapping(s) fill keys this mapping does not set
   * itself. Each mapping is merged once, so a merge that reaches itself through aliases ends
   * instead of looping.
   */
  private void merge(Node value) {
    List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
    for (Node source : sources) {
      if (source == node || !merging.add(source)) {
        reader.error(source, "a merge key ('<<') merges a mapping into itself");
      } else if (source instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          add(tuple, true);
        }
      } else {
        reader.error(
            source, "a merge key ('<<') must name a mapping, not " + reader.describe(source));
      }
    }
  }

  public Location location() {
    return reader.location(node);
  }

  public Node node() {
    return node;
  }

  /** The context phrase used in messages, e.g. {@code in action 'list_invoices'}. */
  public String context() {
    return context;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The value node of {@code key}, or {@code null} when absent. */
  public Node value(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getValueNode();
  }

  /**
   * The key node of {@code key} (for locating a message at the key), or {@code null} when absent.
   */
  public Node keyNode(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getKeyNode();
  }

  /** The value node of {@code key} unless absent or a YAML null. */
  public Node present(String key) {
    Node value = value(key);
    return value == null || reader.isNull(value) ? null : value;
  }

  /**
   * The field path under {@code key} of {@code what}, or {@code null} when absent or (with an
   * error) malformed.
   */
  public String fieldPath(String key, String what) {
    if (present(key) == null) {
      return null;
    }
    String path = reader.string(value(key), "'" + key + "' of " + what);
    String problem = path == null ? null : FieldPath.problem(path);
    if (problem != null) {
      reader.error(value(key), "'" + key + "' path '" + path + "' of " + what + " " + problem);
      return null;
    }
    return path;
  }

  /** Reports every key not in {@code known}, with the closest known key as a suggestion. */
  public void checkKeys(Collection<String> known) {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!known.contains(entry.getKey())) {
        reader.error(
            entry.getValue().getKeyNode(),
            "unknown key '"
                + entry.getKey()
                + "' "
                + context
                + Wording.didYouMean(entry.getKey(), known));
      }
    }
  }
}
