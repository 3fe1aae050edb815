package dev.paw.spec.yaml;

import dev.paw.spec.Location;
import dev.paw.spec.diagnostic.Diagnostics;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of composed YAML nodes that report, rather than throw, when a node is not what the
 * connector format wants there. Every read names the element it was reading, so messages say where
 * and what.
 */
public final class YamlReader {

  /**
   * The most nodes one file may expand to (aliases included); real connector files have a few
   * hundred.
   */
  public static final int MAX_NODES = 100_000;

  private final String path;
  private final Diagnostics diagnostics;
  private int nodesRead;
  private boolean budgetExceeded;

  public YamlReader(String path, Diagnostics diagnostics) {
    this.path = path;
    this.diagnostics = diagnostics;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  public Location location(Node node) {
    return new Location(
        path, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  public void error(Node node, String message) {
    diagnostics.error(location(node), message);
  }

  public void warning(Node node, String message) {
    diagnostics.warning(location(node), message);
  }

  /** A mapping, or {@code null} (with an error) when the node is something else. */
  public YamlMapping mapping(Node node, String what, String context) {
    if (node instanceof MappingNode mapping) {
      return new YamlMapping(mapping, context, this);
    }
    error(node, what + " must be a mapping, not " + describe(node));
    return null;
  }

  /** A list's items, or {@code null} (with an error). A YAML null counts as an empty list. */
  public List<Node> list(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    if (isNull(node)) {
      return List.of();
    }
    error(node, what + " must be a list, not " + describe(node));
    return null;
  }

  /**
   * A list of strings: empty for an absent node or a YAML null; a list or item that is not one is
   * an error and left out.
   */
  public List<String> strings(Node node, String what) {
    List<String> values = new ArrayList<>();
    if (node == null) {
      return values;
    }
    List<Node> items = list(node, what);
    if (items != null) {
      for (Node item : items) {
        String value = string(item, "an item of " + what);
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
  }

  /** A string, {@code null} for a YAML null, or {@code null} with an error for anything else. */
  public String string(Node node, String what) {
    if (node instanceof ScalarNode scalar) {
      if (scalar.getTag().equals(Tag.STR)) {
        return scalar.getValue();
      }
      if (scalar.getTag().equals(Tag.NULL)) {
        return null;
      }
    }
    error(node, what + " must be a string, not " + describe(node) + quoteHint(node));
    return null;
  }

  /** Any scalar as its text (descriptions, header values); {@code null} for a YAML null. */
  public String text(Node node, String what) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getTag().equals(Tag.NULL) ? null : scalar.getValue();
    }
    error(node, what + " must be text, not " + describe(node));
    return null;
  }

  /** A boolean, or {@code null} (with an error). */
  public Boolean bool(Node node, String what) {
    Object value = scalarValue(node);
    if (value instanceof Boolean b) {
      return b;
    }
    error(node, what + " must be true or false, not " + describe(node));
    return null;
  }

  /** A whole number, or {@code null} (with an error). */
  public Long integer(Node node, String what) {
    Object value = scalarValue(node);
    if (value instanceof Long l) {
      return l;
    }
    error(node, what + " must be a whole number, not " + describe(node));
    return null;
  }

  public boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  /**
   * The plain value of any node: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
   * {@code null}, or unmodifiable ordered maps and lists of them. Counts nodes against {@link
   * #MAX_NODES}, so alias expansion is bounded, and depth against {@link
   * YamlComposer#MAX_NESTING_DEPTH}, so an alias that contains itself ({@code a: &a [*a]}, which
   * SnakeYAML composes as a cycle) ends with an error, not a stack overflow.
   */
  public Object value(Node node) {
    return value(node, 0);
  }

  private Object value(Node node, int depth) {
    if (!spend(node)) {
      return null;
    }
    if (depth > YamlComposer.MAX_NESTING_DEPTH) {
      budgetExceeded = true;
      error(
          node,
          "the value nests deeper than "
              + YamlComposer.MAX_NESTING_DEPTH
              + " levels (an alias that"
              + " contains itself?); refusing to read it");
      return null;
    }
    if (node instanceof ScalarNode) {
      return scalarValue(node);
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(value(item, depth + 1));
      }
      return Collections.unmodifiableList(items);
    }
    YamlMapping mapping = mapping(node, "a value", "in a value");
    Map<String, Object> map = new LinkedHashMap<>();
    if (mapping != null) {
      for (String key : mapping.keys()) {
        map.put(key, value(mapping.value(key), depth + 1));
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** Counts a node read; false (after one error) once the file has expanded past the budget. */
  boolean spend(Node node) {
    if (budgetExceeded) {
      return false;
    }
    if (++nodesRead > MAX_NODES) {
      budgetExceeded = true;
      error(
          node,
          "the file expands to more than "
              + MAX_NODES
              + " nodes (too many aliases?); refusing to read it");
      return false;
    }
    return true;
  }

  /**
   * A scalar's value by its resolved YAML tag; a non-scalar yields the node itself (never equal to
   * a value).
   */
  Object scalarValue(Node node) {
    if (!(node instanceof ScalarNode scalar)) {
      return node;
    }
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return YamlScalars.parseBoolean(text);
    }
    if (tag.equals(Tag.INT)) {
      if (text.contains(":")) {
        error(node, unreadableNumber(text));
        return text;
      }
      BigInteger big = YamlScalars.parseInteger(text);
      if (big == null || big.bitLength() > 63) {
        error(node, "the number " + text + " is out of range (a whole number must fit in 64 bits)");
        return text;
      }
      return big.longValue();
    }
    if (tag.equals(Tag.FLOAT)) {
      String t = text.replace("_", "").toLowerCase(Locale.ROOT);
      if (t.endsWith(".inf") || t.endsWith(".nan")) {
        error(node, "'" + text + "' is not a finite number");
        return text;
      }
      double value;
      try {
        value = t.contains(":") ? Double.NaN : Double.parseDouble(t);
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (Double.isNaN(value)) {
        error(node, unreadableNumber(text));
        return text;
      }
      if (Double.isInfinite(value)) {
        error(node, "the number " + text + " is out of range (too large for a number)");
        return text;
      }
      return value;
    }
    return text;
  }

  /**
   * YAML 1.1 also resolves base-60 numbers ({@code 1:30.5}) and lone underscores and dots ({@code
   * ._}) as numbers; connector files do not use them, and almost always meant a string.
   */
  private static String unreadableNumber(String text) {
    return "'"
        + text
        + "' is read as a number in a form connector files do not use (base 60, or no digits);"
        + " quote it to make it a string";
  }

  /** A reader's description of a node: "a mapping", "a list", "the integer 5", "null". */
  public String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.NULL)) {
      return "null";
    }
    if (tag.equals(Tag.BOOL)) {
      return "the boolean " + scalar.getValue();
    }
    if (tag.equals(Tag.INT)) {
      return "the integer " + scalar.getValue();
    }
    if (tag.equals(Tag.FLOAT)) {
      return "the number " + scalar.getValue();
    }
    if (tag.equals(Tag.STR)) {
      return "the string '" + scalar.getValue() + "'";
    }
    return "a value tagged " + tag.getValue();
  }

  private static String quoteHint(Node node) {
    return node instanceof ScalarNode ? " (quote it to make it a string)" : "";
  }

  /** The key nodes of a mapping, in order, for {@link YamlMapping}. */
  static List<NodeTuple> tuples(MappingNode node) {
    return node.getValue();
  }
}
