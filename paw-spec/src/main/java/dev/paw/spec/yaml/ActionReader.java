package dev.paw.spec.yaml;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ContentType;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.PaginationSpec;
import dev.paw.spec.PaginationStyle;
import dev.paw.spec.TrustLevel;
import dev.paw.spec.UrlTemplate;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code actions} list: methods, URL templates, parameters, trust, paging. Which
 * parameters fill the URL's placeholders is for the linker to decide.
 */
final class ActionReader {

  static final List<String> KEYS =
      List.of(
          "name",
          "description",
          "method",
          "url",
          "params",
          "body",
          "trust_level",
          "content_type",
          "execution_mode",
          "requires_binary",
          "records",
          "records_optional",
          "pagination",
          ReturnsReader.KEY,
          RateLimitReader.KEY);
  private static final List<String> CONTENT_TYPES = List.of("json", "form");
  private static final List<String> TRUST_NAMES =
      Arrays.stream(TrustLevel.values()).map(TrustLevel::wireName).toList();

  private final YamlReader reader;
  private final ActionRequestReader request;
  private final ActionParamsReader params;
  private final PaginationReader pagination;
  private final ReturnsReader returns;
  private final RateLimitReader rateLimit;

  ActionReader(YamlReader reader) {
    this.reader = reader;
    this.request = new ActionRequestReader(reader);
    this.params = new ActionParamsReader(reader);
    this.pagination = new PaginationReader(reader);
    this.returns = new ReturnsReader(reader);
    this.rateLimit = new RateLimitReader(reader);
  }

  List<ReadAction> read(Node node) {
    List<ReadAction> actions = new ArrayList<>();
    if (node == null) {
      return actions;
    }
    List<Node> items = reader.list(node, "'actions'");
    if (items == null) {
      return actions;
    }
    Map<String, Integer> seen = new HashMap<>();
    int index = 0;
    for (Node item : items) {
      index++;
      YamlMapping a = reader.mapping(item, "action #" + index, "in action #" + index);
      if (a == null) {
        continue;
      }
      Node nameNode = a.present("name");
      String name = nameNode == null ? null : reader.string(nameNode, "'name' of action #" + index);
      if (name == null) {
        a.checkKeys(KEYS);
        if (nameNode == null) {
          reader.error(item, "action #" + index + " has no 'name'");
        }
        continue;
      }
      YamlMapping named = a.withContext("in action '" + name + "'");
      named.checkKeys(KEYS);
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        reader.error(
            nameNode,
            "action name '"
                + name
                + "' must be letters, digits and '_', not starting with a digit");
        continue;
      }
      Integer firstLine = seen.putIfAbsent(name, reader.location(nameNode).line());
      if (firstLine != null) {
        reader.error(
            nameNode, "duplicate action '" + name + "' (first defined at line " + firstLine + ")");
        continue;
      }
      ReadAction action = action(named, name);
      if (action != null) {
        actions.add(action);
      }
    }
    return actions;
  }

  private ReadAction action(YamlMapping a, String name) {
    String what = "action '" + name + "'";
    HttpMethod method = request.method(a, what);
    TrustLevel trust = trust(reader, a, what);
    ContentType contentType = contentType(a, what);
    String url =
        a.present("url") == null ? null : reader.string(a.value("url"), "'url' of " + what);
    UrlTemplate template = url == null ? null : request.template(a.value("url"), url, what);

    ActionParamsReader.Params params = this.params.read(a, name, what, method, url);

    String records = a.fieldPath("records", what);
    boolean recordsOptional =
        a.present("records_optional") != null
            && Boolean.TRUE.equals(
                reader.bool(a.value("records_optional"), "'records_optional' of " + what));
    PaginationSpec paging = PaginationSpec.none(a.location());
    if (a.present("pagination") != null) {
      paging = pagination.read(a.value("pagination"), name);
      if (method == HttpMethod.LOCAL && paging.style() != PaginationStyle.NONE) {
        reader.error(a.keyNode("pagination"), what + " is LOCAL, so it has no pages to follow");
      }
    }

    if (method.isWrite() && trust == TrustLevel.AUTO) {
      reader.warning(
          a.value("trust_level"),
          what
              + " is a "
              + method
              + " left at trust level 'auto': it changes data"
              + " without asking (set trust_level: confirm)");
    }
    String executionMode = optional(a, "execution_mode", what);
    String requiresBinary = optional(a, "requires_binary", what);
    if (url == null && method != HttpMethod.LOCAL && executionMode == null) {
      reader.warning(a.node(), what + " has no url, so it cannot run here");
    }
    String description =
        a.present("description") == null
            ? null
            : DisplayText.read(
                reader, a.value("description"), "'description' of " + what, DisplayText.Lines.MANY);
    ActionSpec action =
        new ActionSpec(
                reader.location(a.value("name")),
                name,
                description,
                method,
                url,
                params.query(),
                params.body(),
                trust,
                contentType,
                executionMode,
                requiresBinary,
                records,
                recordsOptional,
                paging)
            .toBuilder()
                .returns(returns.read(a.present(ReturnsReader.KEY), name))
                .rateLimit(rateLimit.read(a, what))
                .build();
    if (method == HttpMethod.LOCAL && action.rateLimit() != null) {
      reader.error(
          a.keyNode(RateLimitReader.KEY), what + " is LOCAL, so it sends no requests to limit");
    }
    Node returnsNode = a.present(ReturnsReader.KEY);
    return new ReadAction(
        action,
        template,
        url == null ? null : reader.location(a.value("url")),
        returnsNode == null ? null : reader.location(returnsNode));
  }

  /**
   * The body encoding: {@code json} (the default) or {@code form}, or their media types, spelt
   * exactly.
   */
  private ContentType contentType(YamlMapping a, String what) {
    Node node = a.present("content_type");
    String text = node == null ? null : reader.string(node, "'content_type' of " + what);
    if (text == null) {
      return ContentType.JSON;
    }
    return ContentType.parse(text)
        .filter(t -> text.equals(t.wireName()) || text.equals(t.mediaType()))
        .orElseGet(
            () -> {
              reader.error(
                  node,
                  "unknown content_type '"
                      + text
                      + "' of "
                      + what
                      + Wording.hintOrList(text, CONTENT_TYPES, CONTENT_TYPES));
              return ContentType.JSON;
            });
  }

  /**
   * The mapping's {@code trust_level}: {@code confirm} when absent (or, after an error, unknown).
   */
  static TrustLevel trust(YamlReader reader, YamlMapping a, String what) {
    if (a.present("trust_level") == null) {
      return TrustLevel.CONFIRM;
    }
    Node node = a.value("trust_level");
    String text = reader.string(node, "'trust_level' of " + what);
    if (text == null) {
      return TrustLevel.CONFIRM;
    }
    if (TRUST_NAMES.contains(text)) {
      return TrustLevel.valueOf(text.toUpperCase(Locale.ROOT));
    }
    reader.error(
        node,
        "unknown trust level '"
            + text
            + "' in "
            + what
            + Wording.hintOrList(text, TRUST_NAMES, TRUST_NAMES));
    return TrustLevel.CONFIRM;
  }

  private String optional(YamlMapping a, String key, String what) {
    return a.present(key) == null ? null : reader.text(a.value(key), "'" + key + "' of " + what);
  }
}
