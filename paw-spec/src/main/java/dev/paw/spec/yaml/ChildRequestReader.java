package dev.paw.spec.yaml;

import dev.paw.spec.read.ReadChildRequest;
import dev.paw.spec.read.Reference;
import dev.paw.spec.read.WrittenParam;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a stream's {@code each}: the action called once per listed record, and its parameters,
 * whose {@code {path}} placeholders take fields of that record. The linker checks them against the
 * action.
 */
final class ChildRequestReader {

  private final YamlReader reader;

  ChildRequestReader(YamlReader reader) {
    this.reader = reader;
  }

  ReadChildRequest read(Node node, String what) {
    YamlMapping each = reader.mapping(node, "'each' of " + what, "in 'each' of " + what);
    if (each == null) {
      return null;
    }
    each.checkKeys(SyncReader.EACH_KEYS);
    Node actionNode = each.present("action");
    if (actionNode == null) {
      reader.error(
          each.node(),
          "'each' of " + what + " has no 'action' (the action called for every listed record)");
      return null;
    }
    String name = reader.string(actionNode, "'action' of 'each' of " + what);
    if (name == null) {
      return null;
    }
    List<WrittenParam> params = new ArrayList<>();
    Node paramsNode = each.present("params");
    YamlMapping mapping =
        paramsNode == null
            ? null
            : reader.mapping(
                paramsNode, "'params' of 'each' of " + what, "in the params of 'each' of " + what);
    if (mapping != null) {
      for (String param : mapping.keys()) {
        Node valueNode = mapping.value(param);
        String value = reader.text(valueNode, "parameter '" + param + "' of 'each' of " + what);
        params.add(
            new WrittenParam(
                param,
                value,
                null,
                reader.location(mapping.keyNode(param)),
                reader.location(valueNode)));
      }
    }
    return new ReadChildRequest(
        each.location(), new Reference(name, reader.location(actionNode)), params);
  }
}
