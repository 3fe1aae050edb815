package dev.paw.spec.yaml;

import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ColumnType;
import dev.paw.spec.FieldPath;
import dev.paw.spec.SqlNames;
import dev.paw.spec.diagnostic.Wording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a sync stream's {@code mapping}: one column per key, its value a field path ({@code amount:
 * amount_due}), {@code {from, type}}, or null (the column's own name is the path).
 */
final class ColumnReader {

  static final List<String> KEYS = List.of("from", "type");
  private static final List<String> TYPES =
      Arrays.stream(ColumnType.values()).map(ColumnType::wireName).toList();

  private final YamlReader reader;

  ColumnReader(YamlReader reader) {
    this.reader = reader;
  }

  /** The columns of {@code what} (a sync stream), in file order; empty when it maps nothing. */
  List<ColumnSpec> read(Node node, String what) {
    return read(node, "mapping", what);
  }

  /**
   * The fields under {@code key} of {@code what}, each a column-like {@code from}/{@code type}, in
   * file order.
   */
  List<ColumnSpec> read(Node node, String keyName, String what) {
    List<ColumnSpec> columns = new ArrayList<>();
    if (node == null) {
      return columns;
    }
    YamlMapping mapping =
        reader.mapping(node, "'" + keyName + "' of " + what, "in the " + keyName + " of " + what);
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
        reader.error(
            key,
            "column '"
                + name
                + "' in "
                + what
                + " clashes with '"
                + clash
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
      def.checkKeys(KEYS);
      if (def.present("from") != null) {
        fromNode = def.value("from");
        from = reader.string(fromNode, "'from' of " + col);
      }
      Node typeNode = def.present("type");
      if (typeNode != null) {
        String typeName = reader.string(typeNode, "'type' of " + col);
        if (typeName != null) {
          if (!TYPES.contains(typeName)) {
            reader.error(
                typeNode,
                "unknown column type '"
                    + typeName
                    + "' of "
                    + col
                    + Wording.hintOrList(typeName, TYPES, TYPES));
            return null;
          }
          type = ColumnType.valueOf(typeName.toUpperCase(Locale.ROOT));
        }
      }
    } else if (!reader.isNull(value)) {
      reader.error(
          value,
          "the mapping of "
              + col
              + " must be a field path or {from, type}, not "
              + reader.describe(value));
      return null;
    }
    if (from == null) {
      return null;
    }
    String problem = FieldPath.problem(from);
    if (problem != null) {
      reader.error(fromNode, "mapping path '" + from + "' of " + col + " " + problem);
      return null;
    }
    return new ColumnSpec(reader.location(key), name, from, type);
  }
}
