package dev.paw.spec.yaml;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ChildRequestSpec;
import dev.paw.spec.FieldPath;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.diagnostic.Wording;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a stream's {@code each}: the action called once per listed record, and its parameters, whose
 * {@code {path}} placeholders take fields of that record.
 */
final class ChildRequestReader {

  private final YamlReader reader;

  ChildRequestReader(YamlReader reader) {
    this.reader = reader;
  }

  ChildRequestSpec read(Node node, String what, List<ActionSpec> actions) {
    YamlMapping each = reader.mapping(node, "'each' of " + what, "in 'each' of " + what);
    if (each == null) {
      return null;
    }
    each.checkKeys(SyncReader.EACH_KEYS);
    Node actionNode = each.present("action");
    if (actionNode == null) {
      reader.error(each.node(), "'each' of " + what + " has no 'action' (the action called for every listed record)");
      return null;
    }
    String name = reader.string(actionNode, "'action' of 'each' of " + what);
    if (name == null) {
      return null;
    }
    ActionSpec action = actions.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    if (action == null) {
      reader.error(actionNode, "'each' of " + what + " calls '" + name + "', which is not an action of this connector"
          + Wording.didYouMean(name, actions.stream().map(ActionSpec::name).toList()));
      return null;
    }
    if (action.method() == HttpMethod.LOCAL || action.url() == null) {
      reader.error(actionNode, "'each' of " + what + " calls '" + name + "', which has no url to fetch a record from");
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    java.util.Set<String> given = new java.util.HashSet<>();
    Node paramsNode = each.present("params");
    YamlMapping mapping = paramsNode == null ? null
        : reader.mapping(paramsNode, "'params' of 'each' of " + what, "in the params of 'each' of " + what);
    if (mapping != null) {
      for (String param : mapping.keys()) {
        given.add(param);
        String value = reader.text(mapping.value(param), "parameter '" + param + "' of 'each' of " + what);
        if (value != null && check(mapping, param, value, action, what)) {
          params.put(param, value);
        }
      }
    }
    for (ParamSpec param : action.allParams()) {
      if (param.required() && param.defaultValue() == null && !given.contains(param.name())) {
        reader.error(actionNode, "'each' of " + what + " does not give '" + param.name() + "', which '" + name
            + "' needs (set it under params, e.g. " + param.name() + ": \"{id}\")");
      }
    }
    return new ChildRequestSpec(each.location(), name, params);
  }

  private boolean check(YamlMapping mapping, String param, String value, ActionSpec action, String what) {
    if (action.param(param).isEmpty()) {
      reader.error(mapping.keyNode(param), "parameter '" + param + "' in 'each' of " + what + " is not a parameter of '"
          + action.name() + "'" + Wording.didYouMean(param, action.allParams().stream().map(ParamSpec::name).toList()));
      return false;
    }
    String outside = value.replaceAll("\\{[^{}]+}", "");
    if (outside.indexOf('{') >= 0 || outside.indexOf('}') >= 0) {
      reader.error(mapping.value(param), "malformed parameter '" + param + "' in 'each' of " + what + ": a brace"
          + " without its partner (write {field} for a field of the listed record)");
      return false;
    }
    for (String field : ChildRequestSpec.fieldsIn(value)) {
      if (FieldPath.parse(field).isEmpty()) {
        reader.error(mapping.value(param), "'{" + field + "}' in 'each' of " + what + " is not a field path of the"
            + " listed record");
        return false;
      }
    }
    return true;
  }
}
