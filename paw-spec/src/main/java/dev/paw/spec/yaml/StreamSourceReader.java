package dev.paw.spec.yaml;

import dev.paw.spec.read.Reference;
import dev.paw.spec.read.WrittenParam;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads what a stream says about its source's records as written, with their locations, for the
 * linker to resolve: the fixed parameters and the primary key.
 */
final class StreamSourceReader {

  private final YamlReader reader;

  StreamSourceReader(YamlReader reader) {
    this.reader = reader;
  }

  /**
   * The fixed parameters for the source, as written; values that cannot be read are reported and
   * left out.
   */
  List<WrittenParam> params(YamlMapping s, String what) {
    List<WrittenParam> params = new ArrayList<>();
    Node node = s.present("params");
    YamlMapping mapping =
        node == null
            ? null
            : reader.mapping(node, "'params' of " + what, "in the params of " + what);
    if (mapping == null) {
      return params;
    }
    for (String name : mapping.keys()) {
      Node valueNode = mapping.value(name);
      int errorsBefore = reader.diagnostics().errorCount();
      Object value = reader.value(valueNode);
      if (reader.diagnostics().errorCount() == errorsBefore) {
        params.add(
            new WrittenParam(
                name,
                value,
                reader.describe(valueNode),
                reader.location(mapping.keyNode(name)),
                reader.location(valueNode)));
      }
    }
    return params;
  }

  /** The primary key columns as written, each once. */
  List<Reference> primaryKey(YamlMapping s, String what) {
    List<Reference> key = new ArrayList<>();
    Node node = s.present("primary_key");
    if (node == null) {
      return key;
    }
    List<Node> items =
        node instanceof ScalarNode ? List.of(node) : reader.list(node, "'primary_key' of " + what);
    if (items == null) {
      return key;
    }
    for (Node item : items) {
      String name = reader.string(item, "a primary key column of " + what);
      if (name == null) {
        continue;
      }
      if (key.stream().anyMatch(k -> k.name().equals(name))) {
        reader.error(item, "primary key '" + name + "' of " + what + " is listed twice");
        continue;
      }
      key.add(new Reference(name, reader.location(item)));
    }
    return key;
  }
}
