package dev.paw.spec.yaml;

import dev.paw.spec.FieldPath;
import dev.paw.spec.Location;
import dev.paw.spec.PaginationSpec;
import dev.paw.spec.PaginationStyle;
import dev.paw.spec.diagnostic.Wording;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an action's {@code pagination}, either a style name ({@code pagination: link_header}) or a
 * mapping with settings, applies each style's defaults, and rejects settings that cannot work. How
 * the paging parameters meet the action's URL and declared parameters is the linker's.
 */
final class PaginationReader {

  static final List<String> KEYS =
      List.of(
          "style", "param", "from", "has_more", "path", "size_param", "size", "start", "max_pages");
  static final List<String> STYLE_NAMES =
      Arrays.stream(PaginationStyle.values()).map(PaginationStyle::wireName).toList();

  /** The keys each style uses; any other key is a mistake worth reporting. */
  private static final Map<PaginationStyle, List<String>> STYLE_KEYS =
      Map.of(
          PaginationStyle.NONE, List.of("style"),
          PaginationStyle.CURSOR,
              List.of("style", "param", "from", "has_more", "size_param", "size", "max_pages"),
          PaginationStyle.TOKEN,
              List.of("style", "param", "path", "size_param", "size", "max_pages"),
          PaginationStyle.LINK_HEADER, List.of("style", "size_param", "size", "max_pages"),
          PaginationStyle.PAGE,
              List.of("style", "param", "start", "size_param", "size", "max_pages"),
          PaginationStyle.OFFSET,
              List.of("style", "param", "start", "size_param", "size", "max_pages"),
          PaginationStyle.NEXT_URL, List.of("style", "path", "size_param", "size", "max_pages"));

  private final YamlReader reader;

  PaginationReader(YamlReader reader) {
    this.reader = reader;
  }

  /** Reads the pagination of {@code action}. */
  PaginationSpec read(Node node, String action) {
    String what = "pagination of action '" + action + "'";
    if (node instanceof ScalarNode scalar && !reader.isNull(node)) {
      if (!scalar.getTag().equals(Tag.STR)) {
        reader.error(
            node,
            what
                + " must be a style name (e.g. cursor) or a mapping of settings, not "
                + reader.describe(node));
        return PaginationSpec.none(reader.location(node));
      }
      PaginationStyle style = style(node, what);
      return style == null
          ? PaginationSpec.none(reader.location(node))
          : complete(reader.location(node), node, null, style, action);
    }
    YamlMapping p = reader.mapping(node, "'pagination' of action '" + action + "'", "in " + what);
    if (p == null) {
      return PaginationSpec.none(reader.location(node));
    }
    p.checkKeys(KEYS);
    Node styleNode = p.present("style");
    if (styleNode == null) {
      reader.error(node, what + " has no 'style' (one of " + String.join(", ", STYLE_NAMES) + ")");
      return PaginationSpec.none(p.location());
    }
    PaginationStyle style = style(styleNode, what);
    if (style == null) {
      return PaginationSpec.none(p.location());
    }
    for (String key : p.keys()) {
      if (KEYS.contains(key) && !STYLE_KEYS.get(style).contains(key)) {
        reader.error(
            p.keyNode(key),
            "'"
                + key
                + "' does not apply to '"
                + style.wireName()
                + "' pagination of action '"
                + action
                + "'");
      }
    }
    return complete(p.location(), node, p, style, action);
  }

  private PaginationStyle style(Node node, String what) {
    String text = reader.string(node, "the style of " + what);
    if (text == null) {
      return null;
    }
    try {
      PaginationStyle style = PaginationStyle.valueOf(text.toUpperCase(Locale.ROOT));
      if (style.wireName().equals(text)) {
        return style;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    reader.error(
        node,
        "unknown pagination style '"
            + text
            + "' in "
            + what
            + Wording.hintOrList(text, STYLE_NAMES, STYLE_NAMES));
    return null;
  }

  private PaginationSpec complete(
      Location location, Node node, YamlMapping p, PaginationStyle style, String action) {
    String what = "'" + style.wireName() + "' pagination of action '" + action + "'";
    String param = string(p, "param", defaultParam(style));
    String from = path(p, "from", style == PaginationStyle.CURSOR ? "id" : null, what);
    String hasMore = path(p, "has_more", style == PaginationStyle.CURSOR ? "has_more" : null, what);
    String path = path(p, "path", style == PaginationStyle.NEXT_URL ? "next" : null, what);
    String sizeParam = string(p, "size_param", style == PaginationStyle.OFFSET ? "limit" : null);
    Integer size = positive(p, "size", what);
    Integer maxPages = positive(p, "max_pages", what);
    long start = style == PaginationStyle.PAGE ? 1 : 0;
    if (p != null && p.present("start") != null) {
      Long value = reader.integer(p.value("start"), "'start' of " + what);
      if (value != null && value < 0) {
        reader.error(p.value("start"), "'start' of " + what + " must not be negative");
      } else if (value != null) {
        start = value;
      }
    }
    if (style == PaginationStyle.TOKEN) {
      if (param == null) {
        reader.error(node, what + " needs 'param' (the request parameter that carries the token)");
      }
      if (path == null) {
        reader.error(node, what + " needs 'path' (the response field that holds the next token)");
      }
    }
    if (size != null && sizeParam == null) {
      reader.error(
          p.value("size"),
          what + " sets 'size' but not 'size_param', so the server never learns the size");
    }
    return new PaginationSpec(
        location, style, param, from, hasMore, path, sizeParam, size, start, maxPages);
  }

  private static String defaultParam(PaginationStyle style) {
    return switch (style) {
      case CURSOR -> "starting_after";
      case PAGE -> "page";
      case OFFSET -> "offset";
      default -> null;
    };
  }

  private String string(YamlMapping p, String key, String fallback) {
    if (p == null || p.present(key) == null) {
      return fallback;
    }
    String value = reader.string(p.value(key), "'" + key + "' of pagination");
    if (value != null && value.isBlank()) {
      reader.error(p.value(key), "'" + key + "' of pagination must not be empty");
      return fallback;
    }
    return value == null ? fallback : value;
  }

  private String path(YamlMapping p, String key, String fallback, String what) {
    String value = string(p, key, fallback);
    String problem = value == null ? null : FieldPath.problem(value);
    if (problem != null) {
      reader.error(p.value(key), "'" + key + "' path '" + value + "' of " + what + " " + problem);
      return fallback;
    }
    return value;
  }

  private Integer positive(YamlMapping p, String key, String what) {
    if (p == null || p.present(key) == null) {
      return null;
    }
    Long value = reader.integer(p.value(key), "'" + key + "' of " + what);
    if (value == null) {
      return null;
    }
    if (value < 1 || value > Integer.MAX_VALUE) {
      reader.error(p.value(key), "'" + key + "' of " + what + " must be at least 1, not " + value);
      return null;
    }
    return value.intValue();
  }
}
