package dev.paw.mcp.internal;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action's parameters as a tool's {@code inputSchema}: types, enums, defaults, required names
 * and descriptions, for URL, query and body parameters alike. Nothing here comes from a credential:
 * a connector's credentials are not parameters.
 */
final class InputSchemas {

  private InputSchemas() {}

  static Map<String, Object> of(ActionSpec action) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (ParamSpec param : action.allParams()) {
      properties.put(param.name(), property(param));
      if (param.required() && param.defaultValue() == null) {
        required.add(param.name());
      }
    }
    return object(properties, required);
  }

  static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", List.copyOf(required));
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> property(ParamSpec param) {
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("type", type(param.type()));
    if (param.type() == ParamType.ARRAY && param.items() != null) {
      property.put("items", Map.of("type", type(param.items())));
    }
    String where = "in the " + param.in().name().toLowerCase(java.util.Locale.ROOT);
    property.put(
        "description",
        param.description() == null
            ? "(" + where + ")"
            : ToolText.clean(param.description(), 500) + " (" + where + ")");
    if (!param.enumValues().isEmpty()) {
      property.put("enum", param.enumValues());
    }
    if (param.defaultValue() != null) {
      property.put("default", param.defaultValue());
    }
    return property;
  }

  /** PocketPaw files write arrays as {@code object}, so an object parameter takes either. */
  private static Object type(ParamType type) {
    return type == ParamType.OBJECT ? List.of("object", "array") : type.wireName();
  }
}
