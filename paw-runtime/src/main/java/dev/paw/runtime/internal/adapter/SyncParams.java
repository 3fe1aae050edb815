package dev.paw.runtime.internal.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import dev.paw.spec.SourceInference;
import dev.paw.spec.StreamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sync parameters a connection supplies at connect time ({@code paw connect confluence --param
 * spaceKey=TEAM}): what PocketPaw's files leave to the user. Each must be a parameter of a stream's
 * source action (the one the file names, or the one inferred from the table name) that the file
 * does not fix, of its declared type and enum. Applied to the connector, they give a stream whose
 * inferred source was dropped for want of them its source back.
 */
public final class SyncParams {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SyncParams() {}

  /**
   * {@code given} checked and converted to the declared types (text is parsed: {@code "25"} for an
   * integer, JSON for objects and arrays).
   *
   * @throws IllegalArgumentException naming the parameter and what is wrong with it
   */
  public static Map<String, Object> check(ConnectorSpec spec, Map<String, ?> given) {
    Map<String, Object> checked = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : given.entrySet()) {
      String name = entry.getKey();
      List<StreamSpec> takers = new ArrayList<>();
      ParamSpec declared = null;
      for (StreamSpec stream : spec.streams()) {
        ActionSpec source = sourceOf(spec, stream);
        ParamSpec param = source == null ? null : source.param(name).orElse(null);
        if (param != null) {
          takers.add(stream);
          declared = param;
        }
      }
      if (declared == null) {
        Set<String> names = takenNames(spec);
        throw new IllegalArgumentException(
            "connector '"
                + spec.name()
                + "' has no sync parameter '"
                + name
                + "'"
                + (names.isEmpty()
                    ? " (its sync streams take none)"
                    : " (its sync streams take: " + String.join(", ", names) + ")"));
      }
      for (StreamSpec stream : takers) {
        if (stream.params().containsKey(name)) {
          throw new IllegalArgumentException(
              "parameter '"
                  + name
                  + "' is fixed by sync stream '"
                  + stream.table()
                  + "' in the connector file ("
                  + stream.location()
                  + "); change it there");
        }
      }
      checked.put(name, convert(declared, entry.getValue()));
    }
    return checked;
  }

  /**
   * {@code spec} with the stored parameters applied: each goes to every stream whose source takes
   * it, and a stream whose inferred source was dropped for want of them gets it back once nothing
   * is missing.
   */
  public static ConnectorSpec apply(ConnectorSpec spec, Map<String, Object> params) {
    if (params.isEmpty()) {
      return spec;
    }
    List<StreamSpec> streams = new ArrayList<>();
    for (StreamSpec stream : spec.streams()) {
      ActionSpec source = sourceOf(spec, stream);
      if (source == null) {
        streams.add(stream);
        continue;
      }
      Map<String, Object> merged = new LinkedHashMap<>(stream.params());
      params.forEach(
          (name, value) -> {
            if (source.param(name).isPresent()) {
              merged.putIfAbsent(name, value);
            }
          });
      StreamSpec applied = stream.withParams(merged);
      if (applied.source() == null
          && SourceInference.missingParams(spec, source, merged, stream.incremental()).isEmpty()) {
        applied = applied.withSource(source.name());
      }
      streams.add(applied);
    }
    return spec.withStreams(streams);
  }

  /**
   * Why {@code stream} does not run and exactly what to add, or {@code null} when it runs; {@code
   * spec} has the connection's parameters applied.
   */
  public static String whyNotRunnable(ConnectorSpec spec, StreamSpec stream) {
    if (stream.isRunnable()) {
      return null;
    }
    String what = "sync stream '" + stream.table() + "' (" + stream.location() + ")";
    String columns =
        stream.columns().isEmpty()
            ? "; its columns are then inferred from the first page, or add a line"
                + " `column: field.path` under its mapping for each field to keep"
            : "";
    ActionSpec source = sourceOf(spec, stream);
    if (source == null) {
      List<String> candidates = SourceInference.candidates(spec, stream.table());
      return what
          + " does not say which action feeds it: add `source: <action>` to it"
          + (candidates.isEmpty() ? "" : " (one of " + String.join(", ", candidates) + ")")
          + columns;
    }
    List<String> missing =
        SourceInference.missingParams(spec, source, stream.params(), stream.incremental());
    if (missing.isEmpty()) {
      return what
          + " maps no columns: connect again to infer them from the first page of '"
          + source.name()
          + "', or add a line `column: field.path` under its mapping for each field to keep";
    }
    StringBuilder flags = new StringBuilder();
    for (String name : missing) {
      flags.append(" --param ").append(name).append("=...");
    }
    return what
        + " reads '"
        + source.name()
        + "', which needs "
        + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
        + ": connect with"
        + flags
        + " (or set them under the stream's params)"
        + columns;
  }

  /** The source action a stream reads: the one it names, else the one its table name infers. */
  static ActionSpec sourceOf(ConnectorSpec spec, StreamSpec stream) {
    if (stream.source() != null) {
      return spec.action(stream.source()).orElse(null);
    }
    List<String> candidates = SourceInference.candidates(spec, stream.table());
    return candidates.size() == 1 ? spec.action(candidates.get(0)).orElse(null) : null;
  }

  private static Set<String> takenNames(ConnectorSpec spec) {
    Set<String> names = new LinkedHashSet<>();
    for (StreamSpec stream : spec.streams()) {
      ActionSpec source = sourceOf(spec, stream);
      if (source != null) {
        source.allParams().stream()
            .map(ParamSpec::name)
            .filter(n -> !stream.params().containsKey(n))
            .forEach(names::add);
      }
    }
    return names;
  }

  private static Object convert(ParamSpec param, Object value) {
    String name = param.name();
    if (value == null) {
      throw new IllegalArgumentException("parameter '" + name + "' has no value");
    }
    Object converted = value;
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      converted = ((Number) value).longValue();
    } else if (value instanceof Float f) {
      converted = f.doubleValue();
    } else if (value instanceof String text && param.type() != ParamType.STRING) {
      converted = parse(param, text);
    }
    if (param.type() == ParamType.NUMBER && converted instanceof Long l) {
      converted = l.doubleValue();
    }
    if (!param.accepts(converted)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' must be " + article(param.type()) + ", not '" + value + "'");
    }
    if (!param.enumValues().isEmpty() && !param.enumValues().contains(converted)) {
      throw new IllegalArgumentException(
          "parameter '"
              + name
              + "' must be one of "
              + String.join(", ", param.enumValues().stream().map(String::valueOf).toList())
              + ", not '"
              + value
              + "'");
    }
    return converted;
  }

  private static Object parse(ParamSpec param, String text) {
    try {
      return switch (param.type()) {
        case STRING -> text;
        case INTEGER -> Long.parseLong(text.strip());
        case NUMBER -> Double.parseDouble(text.strip());
        case BOOLEAN ->
            switch (text.strip().toLowerCase(Locale.ROOT)) {
              case "true" -> Boolean.TRUE;
              case "false" -> Boolean.FALSE;
              default -> text;
            };
        case OBJECT, ARRAY -> JSON.readValue(text, Object.class);
      };
    } catch (NumberFormatException | JsonProcessingException e) {
      return text; // reported as not of the type
    }
  }

  private static String article(ParamType type) {
    String name = type.wireName();
    return (name.startsWith("a") || name.startsWith("i") || name.startsWith("o") ? "an " : "a ")
        + name
        + (type == ParamType.OBJECT || type == ParamType.ARRAY ? " (JSON)" : "");
  }
}
