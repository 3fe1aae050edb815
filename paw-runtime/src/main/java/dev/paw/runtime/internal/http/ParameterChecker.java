package dev.paw.runtime.internal.http;

import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import dev.paw.spec.diagnostic.Wording;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies defaults and checks an action call's parameters against the spec: unknown names, required
 * values, types and enums. Values come back normalised to the spec's model types ({@code Long},
 * {@code Double}, {@code Boolean}, {@code String}, {@code Map}, {@code List}) so encoding has one
 * set of types to handle.
 */
public final class ParameterChecker {

  private ParameterChecker() {}

  /**
   * The checked values of a call, defaults applied, by wire name; every problem at once in an
   * {@link InvalidParametersException}. For actions that are not HTTP requests ({@code LOCAL});
   * {@link RequestFactory} checks HTTP actions itself.
   */
  public static Map<String, Object> checked(ActionSpec action, Map<String, ?> given) {
    List<InvalidParametersException.Problem> problems = new ArrayList<>();
    Map<String, Object> values = check(action, given, problems);
    if (!problems.isEmpty()) {
      throw new InvalidParametersException(action.name(), problems);
    }
    return values;
  }

  /**
   * The checked values by wire name, in the spec's order; problems are added to {@code problems}.
   */
  static Map<String, Object> check(
      ActionSpec action, Map<String, ?> given, List<InvalidParametersException.Problem> problems) {
    List<ParamSpec> specs = action.allParams();
    for (String name : given.keySet()) {
      if (specs.stream().noneMatch(p -> p.name().equals(name))) {
        problems.add(
            new InvalidParametersException.Problem(
                name,
                "unknown parameter '"
                    + printable(name)
                    + "' (action '"
                    + action.name()
                    + "' takes "
                    + (specs.isEmpty()
                        ? "none"
                        : String.join(", ", specs.stream().map(ParamSpec::name).toList()))
                    + ")"));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec spec : specs) {
      Object value = given.get(spec.name());
      if (value == null) {
        value = spec.defaultValue();
      }
      if (value == null) {
        if (spec.required()) {
          problems.add(
              new InvalidParametersException.Problem(
                  spec.name(), "missing required parameter '" + spec.name() + "'"));
        }
        continue;
      }
      Object normalised = normalise(value, spec.type());
      if (normalised == null) {
        problems.add(
            new InvalidParametersException.Problem(
                spec.name(),
                "parameter '"
                    + spec.name()
                    + "' must be "
                    + Wording.article(spec.type().wireName())
                    + ", not "
                    + describe(value)));
        continue;
      }
      if (!spec.enumValues().isEmpty() && !spec.enumValues().contains(normalised)) {
        String shown = Redactor.isSecretName(spec.name()) ? Redactor.MASK : show(normalised);
        problems.add(
            new InvalidParametersException.Problem(
                spec.name(),
                "parameter '"
                    + spec.name()
                    + "' must be one"
                    + " of "
                    + spec.enumValues().stream().map(ParameterChecker::show).toList()
                    + ", not "
                    + shown));
        continue;
      }
      values.put(spec.name(), normalised);
    }
    return values;
  }

  /** The value as the spec's model type, or {@code null} when it is not of {@code type}. */
  static Object normalise(Object value, ParamType type) {
    return switch (type) {
      case STRING -> value instanceof CharSequence s ? s.toString() : null;
      case INTEGER -> integer(value);
      case NUMBER -> number(value);
      case BOOLEAN -> value instanceof Boolean ? value : null;
      case OBJECT ->
          value instanceof Map<?, ?> || value instanceof List<?>
              ? tree(value)
              : value instanceof Object[] array ? tree(Arrays.asList(array)) : null;
      case ARRAY ->
          value instanceof List<?>
              ? tree(value)
              : value instanceof Object[] array ? tree(Arrays.asList(array)) : null;
    };
  }

  private static Long integer(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    return null;
  }

  private static Object number(Object value) {
    Long whole = integer(value);
    if (whole != null) {
      return whole.doubleValue();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    return null;
  }

  /** A copy of a map or list with integers widened to Long, so nested values encode one way. */
  private static Object tree(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), tree(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(tree(item)));
      return copy;
    }
    Long whole = integer(value);
    if (whole != null) {
      return whole;
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  /** A value's type only: the value itself may be a secret. */
  private static String describe(Object value) {
    if (value instanceof CharSequence) {
      return "a string";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof Number) {
      return "a number (" + value.getClass().getSimpleName() + ")";
    } else if (value instanceof Map<?, ?>) {
      return "an object";
    } else if (value instanceof List<?>) {
      return "an array";
    }
    return "a " + value.getClass().getSimpleName();
  }

  private static String show(Object value) {
    if (value instanceof String s) {
      String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
      return "'" + printable(cut) + "'";
    }
    return String.valueOf(value);
  }

  private static String printable(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
