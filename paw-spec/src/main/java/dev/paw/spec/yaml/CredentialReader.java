package dev.paw.spec.yaml;

import dev.paw.spec.CredentialSpec;
import dev.paw.spec.UrlTemplate;
import dev.paw.spec.diagnostic.Wording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code auth.credentials} and checks the places that name a credential (references and placeholders). */
final class CredentialReader {

  static final List<String> KEYS = List.of("name", "description", "required", "secret");

  private final YamlReader reader;

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
      String name = c.present("name") == null ? null : reader.string(c.value("name"), "'name' of credential #" + index);
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
        reader.error(c.value("name"), "credential name '" + name + "' must be letters, digits and '_' (it is also an"
            + " environment variable and a {placeholder})");
        continue;
      }
      Integer firstLine = seen.putIfAbsent(name, reader.location(c.value("name")).line());
      if (firstLine != null) {
        reader.error(c.value("name"), "duplicate credential '" + name + "' (first declared at line " + firstLine + ")");
        continue;
      }
      String description = c.present("description") == null ? null
          : reader.text(c.value("description"), "'description' " + context);
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

  /** The credential {@code key} of {@code mapping} names, or {@code null} (with an error) when none is declared. */
  String reference(YamlMapping mapping, String key, List<CredentialSpec> credentials) {
    Node node = mapping.present(key);
    String value = node == null ? null : reader.string(node, "'" + key + "' " + mapping.context());
    if (value == null) {
      return null;
    }
    List<String> names = credentials.stream().map(CredentialSpec::name).toList();
    if (!names.contains(value)) {
      reader.error(node, "'" + key + "' " + mapping.context() + " names the credential '" + value + "', which is not"
          + " declared under credentials" + Wording.hintOrDeclared(value, names));
      return null;
    }
    return value;
  }

  /** Header values and OAuth URLs may name credentials only: no parameter exists when they are sent. */
  void checkPlaceholders(Node node, String text, String what, List<CredentialSpec> credentials) {
    UrlTemplate.Result parsed = UrlTemplate.parse(text);
    if (parsed.error() != null) {
      reader.error(node, "malformed " + what + ": " + parsed.error());
      return;
    }
    List<String> names = credentials.stream().map(CredentialSpec::name).toList();
    for (String placeholder : parsed.template().placeholders().stream().distinct().toList()) {
      if (!names.contains(placeholder)) {
        reader.error(node, "placeholder '{" + placeholder + "}' in " + what + " matches no credential"
            + Wording.didYouMean(placeholder, names));
      }
    }
  }

}
