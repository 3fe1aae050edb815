package dev.paw.spec.yaml;

import dev.paw.spec.Location;
import dev.paw.spec.ParamIn;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import dev.paw.spec.Values;
import dev.paw.spec.diagnostic.Wording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code params} or {@code body} mapping of an action: one typed parameter per key. */
final class ParamReader {

  static final List<String> KEYS =
      List.of("type", "required", "default", "enum", "description", "items");
  static final List<String> TYPE_NAMES =
      Arrays.stream(ParamType.values()).map(ParamType::wireName).toList();

  private final YamlReader reader;

  ParamReader(YamlReader reader) {
    this.reader = reader;
  }

  /**
   * Reads {@code section} ("params" or "body") of {@code action}; each parameter gets {@code in}.
   */
  List<ParamSpec> read(Node node, String section, String action, ParamIn in) {
    List<ParamSpec> params = new ArrayList<>();
    if (node == null || reader.isNull(node)) {
      return params;
    }
    YamlMapping mapping =
        reader.mapping(
            node,
            "'" + section + "' of action '" + action + "'",
            "in " + section + " of action '" + action + "'");
    if (mapping == null) {
      return params;
    }
    for (String name : mapping.keys()) {
      ParamSpec param = param(name, mapping.keyNode(name), mapping.value(name), action, in);
      if (param != null) {
        params.add(param);
      }
    }
    return params;
  }

  /**
   * Characters that end a line or change how a name displays without being seen themselves:
   * controls (C0 and C1), format characters (bidirectional overrides, zero-width joiners) and line
   * or paragraph separators. A parameter name is a wire name (anything an API uses, encoded when
   * sent) but it is also shown in approval prompts, where such characters could make a request look
   * like another.
   */
  private static boolean unseen(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private ParamSpec param(String name, Node keyNode, Node node, String action, ParamIn in) {
    String what = "parameter '" + name + "' of action '" + action + "'";
    if (name.isBlank()) {
      reader.error(keyNode, "a parameter of action '" + action + "' has an empty name");
      return null;
    }
    if (name.codePoints().anyMatch(ParamReader::unseen)) {
      reader.error(
          keyNode,
          "the name of "
              + what
              + " holds a control, format or line separator character (a line"
              + " break, a bidirectional override, a zero-width character)");
      return null;
    }
    YamlMapping def = reader.mapping(node, what, "in " + what);
    if (def == null) {
      return null;
    }
    def.checkKeys(KEYS);
    ParamType type = ParamType.STRING;
    Node typeNode = def.present("type");
    if (typeNode != null) {
      String typeName = reader.string(typeNode, "'type' of " + what);
      if (typeName != null) {
        try {
          type = ParamType.valueOf(typeName.toUpperCase(Locale.ROOT));
          if (!typeName.equals(type.wireName())) {
            throw new IllegalArgumentException();
          }
        } catch (IllegalArgumentException e) {
          reader.error(
              typeNode,
              "unknown type '"
                  + typeName
                  + "' of "
                  + what
                  + Wording.hintOrList(typeName, TYPE_NAMES, TYPE_NAMES));
          return null;
        }
      }
    }
    boolean required =
        def.present("required") != null
            && Boolean.TRUE.equals(reader.bool(def.value("required"), "'required' of " + what));
    List<Object> enumValues = enumValues(def, type, what);
    Object defaultValue = null;
    Node defaultNode = def.present("default");
    int errorsBefore = reader.diagnostics().errorCount();
    if (defaultNode != null) {
      defaultValue = normalise(reader.value(defaultNode), type);
      if (reader.diagnostics().errorCount() > errorsBefore) {
        defaultValue =
            null; // the value itself was reported (a number out of range, too many aliases)
      } else if (!type.accepts(defaultValue)) {
        reader.error(
            defaultNode,
            "default "
                + shown(defaultNode, defaultValue)
                + " of "
                + what
                + " is "
                + Wording.article(Values.typeName(defaultValue))
                + ", but the parameter is "
                + Wording.article(type.wireName())
                + quoteHint(defaultValue, type));
        defaultValue = null;
      } else if (!enumValues.isEmpty() && !enumValues.contains(defaultValue)) {
        reader.error(
            defaultNode,
            "default "
                + shown(defaultNode, defaultValue)
                + " of "
                + what
                + " is not one of its enum values "
                + enumValues.stream().map(ParamReader::show).toList());
        defaultValue = null;
      }
    }
    String description =
        def.present("description") == null
            ? null
            : DisplayText.read(
                reader,
                def.value("description"),
                "'description' of " + what,
                DisplayText.Lines.MANY);
    ParamType items = items(def, type, defaultValue, what);
    Location location = reader.location(keyNode);
    return new ParamSpec(
        location, name, type, required, defaultValue, enumValues, description, in, items);
  }

  /**
   * The declared element type of an array parameter ({@code items: integer}), or {@code null}. Like
   * the default's type and enum checks above, the default's elements are checked here: all of it is
   * written in this one parameter. A stream's values for the parameter are the linker's ({@code
   * SourceParams}).
   */
  private ParamType items(YamlMapping def, ParamType type, Object defaultValue, String what) {
    Node node = def.present("items");
    if (node == null) {
      return null;
    }
    String typeName = reader.string(node, "'items' of " + what);
    if (typeName == null) {
      return null;
    }
    if (type != ParamType.ARRAY) {
      reader.error(
          node,
          "'items' of "
              + what
              + " is for array parameters, but it is "
              + Wording.article(type.wireName()));
      return null;
    }
    List<String> itemTypes =
        TYPE_NAMES.stream().filter(t -> !t.equals(ParamType.ARRAY.wireName())).toList();
    if (!itemTypes.contains(typeName)) {
      reader.error(
          node,
          "unknown item type '"
              + typeName
              + "' of "
              + what
              + Wording.hintOrList(typeName, itemTypes, itemTypes));
      return null;
    }
    ParamType items = ParamType.valueOf(typeName.toUpperCase(Locale.ROOT));
    if (defaultValue instanceof List<?> list && !list.stream().allMatch(items::accepts)) {
      reader.error(
          def.value("default"), "default of " + what + " " + Wording.notOfItems(typeName, null));
    }
    return items;
  }

  private List<Object> enumValues(YamlMapping def, ParamType type, String what) {
    List<Object> values = new ArrayList<>();
    Node node = def.present("enum");
    if (node == null) {
      return values;
    }
    List<Node> items = reader.list(node, "'enum' of " + what);
    if (items == null) {
      return values;
    }
    if (type == ParamType.OBJECT || type == ParamType.ARRAY) {
      reader.error(
          node,
          "'enum' does not apply to " + what + ", which is " + Wording.article(type.wireName()));
      return values;
    }
    for (Node item : items) {
      int errorsBefore = reader.diagnostics().errorCount();
      Object value = normalise(reader.value(item), type);
      if (reader.diagnostics().errorCount() > errorsBefore) {
        continue;
      } else if (!type.accepts(value)) {
        reader.error(
            item,
            "enum value "
                + shown(item, value)
                + " of "
                + what
                + " is "
                + Wording.article(Values.typeName(value))
                + ", but the parameter is "
                + Wording.article(type.wireName())
                + quoteHint(value, type));
      } else if (values.contains(value)) {
        reader.error(item, "enum value " + shown(item, value) + " of " + what + " is listed twice");
      } else {
        values.add(value);
      }
    }
    return values;
  }

  /** Whole numbers given for a {@code number} parameter are numbers too. */
  private static Object normalise(Object value, ParamType type) {
    if (type == ParamType.NUMBER && value instanceof Long l) {
      return l.doubleValue();
    }
    return value;
  }

  /**
   * For a string parameter, {@code yes}, {@code no}, {@code 10} are read as other types: quoting
   * fixes that.
   */
  private static String quoteHint(Object value, ParamType type) {
    boolean scalar = value instanceof Boolean || value instanceof Long || value instanceof Double;
    return type == ParamType.STRING && scalar ? " (quote it)" : "";
  }

  /** A value as the file wrote it ({@code yes}, not {@code true}), strings in quotes. */
  private static String shown(Node node, Object value) {
    return node instanceof ScalarNode scalar && !(value instanceof String)
        ? scalar.getValue()
        : show(value);
  }

  static String show(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }
}
