package dev.paw.spec.yaml;

import dev.paw.spec.CredentialSpec;
import dev.paw.spec.UrlTemplate;
import dev.paw.spec.read.CredentialReference;
import dev.paw.spec.read.CredentialTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code auth.credentials}, and notes every place that names a credential (auth settings and
 * placeholders of texts sent with each request) for the linker to resolve.
 */
final class CredentialReader {

  static final List<String> KEYS = List.of("name", "description", "required", "secret");

  private final YamlReader reader;
  private final List<CredentialReference> references = new ArrayList<>();
  private final List<CredentialTemplate> templates = new ArrayList<>();

  CredentialReader(YamlReader reader) {
    this.reader = reader;
  }

  List<CredentialSpec> read(Node node) {
    List<CredentialSpec> credentials = new ArrayList<>();
    if (node == null) {
      return credentials;
    }
    List<Node> items = reader.list(node, "'credentials' in auth");
    if (items == null) {
      return credentials;
    }
    Map<String, Integer> seen = new HashMap<>();
    int index = 0;
    for (Node item : items) {
      index++;
      YamlMapping c = reader.mapping(item, "credential #" + index, "in credential #" + index);
      if (c == null) {
        continue;
      }
      String name =
          c.present("name") == null
              ? null
              : reader.string(c.value("name"), "'name' of credential #" + index);
      String context = name == null ? "in credential #" + index : "in credential '" + name + "'";
      c = c.withContext(context);
      c.checkKeys(KEYS);
      if (name == null) {
        if (c.present("name") == null) {
          reader.error(item, "credential #" + index + " has no 'name'");
        }
        continue;
      }
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        reader.error(
            c.value("name"),
            "credential name '"
                + name
                + "' must be letters, digits and '_' (it is also an"
                + " environment variable and a {placeholder})");
        continue;
      }
      if (name.toUpperCase(Locale.ROOT).startsWith("PAW_")) {
        // PAW_ is paw's own namespace (PAW_MASTER_KEY, PAW_ADMIN_SECRET, PAW_HOME,
        // PAW_<CONNECTOR>_<NAME>):
        // a connector file that declared one could read paw's secrets from the environment
        reader.error(
            c.value("name"),
            "credential name '"
                + name
                + "' starts with 'PAW_', which is reserved for"
                + " paw's own variables (name it after the connector instead, e.g. STRIPE_API_KEY for stripe)");
        continue;
      }
      Integer firstLine = seen.putIfAbsent(name, reader.location(c.value("name")).line());
      if (firstLine != null) {
        reader.error(
            c.value("name"),
            "duplicate credential '" + name + "' (first declared at line " + firstLine + ")");
        continue;
      }
      String description =
          c.present("description") == null
              ? null
              : DisplayText.read(
                  reader,
                  c.value("description"),
                  "'description' " + context,
                  DisplayText.Lines.MANY);
      boolean required = flag(c, "required", context, false);
      boolean secret = flag(c, "secret", context, true);
      credentials.add(new CredentialSpec(c.location(), name, description, required, secret));
    }
    return credentials;
  }

  private boolean flag(YamlMapping mapping, String key, String context, boolean absent) {
    if (mapping.present(key) == null) {
      return absent;
    }
    Boolean value = reader.bool(mapping.value(key), "'" + key + "' " + context);
    return value == null ? absent : value;
  }

  /**
   * The credential name {@code key} of {@code mapping} gives, as written, or {@code null}; the
   * linker checks that it is declared.
   */
  String reference(YamlMapping mapping, String key) {
    Node node = mapping.present(key);
    String value = node == null ? null : reader.string(node, "'" + key + "' " + mapping.context());
    if (value != null) {
      references.add(new CredentialReference(key, mapping.context(), value, reader.location(node)));
    }
    return value;
  }

  /**
   * Notes the placeholders of a header value or an OAuth URL, which may name credentials only (no
   * parameter exists when they are sent); a malformed text is reported here.
   */
  void template(Node node, String text, String what) {
    UrlTemplate.Result parsed = UrlTemplate.parse(text);
    if (parsed.error() != null) {
      reader.error(node, "malformed " + what + ": " + parsed.error());
      return;
    }
    placeholders(node, what, parsed.template().placeholders().stream().distinct().toList());
  }

  /** Notes placeholders that may name credentials only. */
  void placeholders(Node node, String what, List<String> placeholders) {
    templates.add(new CredentialTemplate(what, placeholders, reader.location(node)));
  }

  List<CredentialReference> references() {
    return List.copyOf(references);
  }

  List<CredentialTemplate> templates() {
    return List.copyOf(templates);
  }
}
