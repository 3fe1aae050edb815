package dev.paw.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code -p key=value} text into values of the parameters' declared types: integers, numbers,
 * booleans, and JSON for objects and arrays. Names the action does not take are passed on, so the
 * runtime reports them with the rest of the problems.
 */
final class ParameterValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ParameterValues() {}

  static Map<String, Object> convert(ActionSpec action, Map<String, String> given) {
    Map<String, Object> values = new LinkedHashMap<>();
    given.forEach(
        (name, text) ->
            values.put(name, action.param(name).map(p -> convert(p, text)).orElse(text)));
    return values;
  }

  private static Object convert(ParamSpec param, String text) {
    try {
      return switch (param.type()) {
        case STRING -> text;
        case INTEGER -> Long.parseLong(text.strip());
        case NUMBER -> Double.parseDouble(text.strip());
        case BOOLEAN -> booleanOf(param, text);
        case OBJECT, ARRAY -> JSON.readValue(text, Object.class);
      };
    } catch (NumberFormatException | JsonProcessingException e) {
      throw new IllegalArgumentException(
          "parameter '"
              + param.name()
              + "' must be "
              + param.type().wireName()
              + (param.type() == ParamType.OBJECT ? " (JSON)" : "")
              + ", not '"
              + text
              + "'");
    }
  }

  private static Boolean booleanOf(ParamSpec param, String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> Boolean.TRUE;
      case "false", "no", "0" -> Boolean.FALSE;
      default ->
          throw new IllegalArgumentException(
              "parameter '" + param.name() + "' must be true or false, not '" + text + "'");
    };
  }
}
