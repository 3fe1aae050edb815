package dev.paw.spec.yaml;

import dev.paw.spec.AuthMethod;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.Location;
import dev.paw.spec.OAuth2Spec;
import dev.paw.spec.UrlTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code auth} section: method, credentials, static headers and where the credential goes. */
final class AuthReader {

  static final List<String> KEYS = List.of("method", "credentials", "headers", "credential", "header", "in", "name",
      "prefix", "username", "password", "oauth2");
  static final List<String> CREDENTIAL_KEYS = List.of("name", "description", "required", "secret");
  static final List<String> OAUTH2_KEYS = List.of("grant", "authorization_url", "token_url", "revoke_url", "scopes",
      "pkce", "client_id", "client_secret");
  private static final List<String> METHOD_NAMES =
      Arrays.stream(AuthMethod.values()).map(AuthMethod::wireName).toList();

  private final YamlReader reader;

  AuthReader(YamlReader reader) {
    this.reader = reader;
  }

  /** Reads {@code auth}; a connector without one authenticates with {@code none}. */
  AuthSpec read(Node node, Location fallback) {
    if (node == null || reader.isNull(node)) {
      return new AuthSpec(fallback, AuthMethod.NONE, List.of(), Map.of(), null, null, null, null, null, null, null);
    }
    YamlMapping auth = reader.mapping(node, "'auth'", "in auth");
    if (auth == null) {
      return new AuthSpec(fallback, AuthMethod.NONE, List.of(), Map.of(), null, null, null, null, null, null, null);
    }
    auth.checkKeys(KEYS);
    AuthMethod method = method(auth);
    checkApplies(auth, method);
    List<CredentialSpec> credentials = credentials(auth.value("credentials"));
    String credential = credentialRef(auth, "credential", credentials);
    String username = credentialRef(auth, "username", credentials);
    String password = credentialRef(auth, "password", credentials);
    String in = null;
    if (auth.present("in") != null) {
      in = reader.string(auth.value("in"), "'in' in auth");
      if (in != null && !in.equals(AuthSpec.IN_HEADER) && !in.equals(AuthSpec.IN_QUERY)) {
        reader.error(auth.value("in"), "'in' in auth must be 'header' or 'query', not '" + in + "'"
            + DidYouMean.hint(in, List.of(AuthSpec.IN_HEADER, AuthSpec.IN_QUERY)));
        in = null;
      }
    }
    String name = optionalString(auth, "name");
    String header = optionalString(auth, "header");
    if (header != null && name != null) {
      reader.error(auth.keyNode("header"), "auth gives both 'header' and 'name'; 'header' is PocketPaw's spelling of"
          + " 'name', so give one");
    }
    if (name == null) {
      name = header;
    }
    if (name != null && !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      reader.error(auth.value(auth.has("name") ? "name" : "header"),
          "'" + name + "' cannot be a header, query parameter or cookie name");
    }
    String prefix = auth.present("prefix") == null ? null : reader.text(auth.value("prefix"), "'prefix' in auth");
    Map<String, String> headers = headers(auth.value("headers"), credentials);
    OAuth2Spec oauth2 = auth.present("oauth2") == null ? null : oauth2(auth.value("oauth2"), credentials);
    if (oauth2 != null && method != AuthMethod.OAUTH2) {
      reader.error(auth.keyNode("oauth2"), "'oauth2' settings need 'method: oauth2', but the method is '"
          + method.wireName() + "'");
    }
    return new AuthSpec(auth.location(), method, credentials, headers, credential, in, name, prefix, username,
        password, oauth2);
  }

  private AuthMethod method(YamlMapping auth) {
    Node node = auth.present("method");
    if (node == null) {
      reader.error(auth.node(), "auth has no 'method' (one of " + String.join(", ", METHOD_NAMES) + ")");
      return AuthMethod.NONE;
    }
    String text = reader.string(node, "'method' in auth");
    if (text == null) {
      return AuthMethod.NONE;
    }
    return AuthMethod.parse(text).orElseGet(() -> {
      List<String> candidates = new ArrayList<>(METHOD_NAMES);
      candidates.add("oauth");
      reader.error(node, "unknown auth method '" + text + "'" + hintOrList(text, candidates, METHOD_NAMES));
      return AuthMethod.NONE;
    });
  }

  /** Rejects placement keys that mean nothing for the method. */
  private void checkApplies(YamlMapping auth, AuthMethod method) {
    List<AuthMethod> placeable = List.of(AuthMethod.API_KEY, AuthMethod.HEADER, AuthMethod.COOKIE);
    Map<String, List<AuthMethod>> appliesTo = new LinkedHashMap<>();
    appliesTo.put("in", List.of(AuthMethod.API_KEY));
    appliesTo.put("name", placeable);
    appliesTo.put("header", List.of(AuthMethod.HEADER));
    appliesTo.put("prefix", placeable);
    appliesTo.put("username", List.of(AuthMethod.BASIC));
    appliesTo.put("password", List.of(AuthMethod.BASIC));
    appliesTo.put("credential", List.of(AuthMethod.API_KEY, AuthMethod.BEARER, AuthMethod.HEADER, AuthMethod.COOKIE,
        AuthMethod.OAUTH2));
    for (Map.Entry<String, List<AuthMethod>> rule : appliesTo.entrySet()) {
      if (auth.has(rule.getKey()) && !rule.getValue().contains(method)) {
        reader.error(auth.keyNode(rule.getKey()), "'" + rule.getKey() + "' does not apply to '" + method.wireName()
            + "' auth (only to " + String.join(", ", rule.getValue().stream().map(AuthMethod::wireName).toList())
            + ")");
      }
    }
  }

  private List<CredentialSpec> credentials(Node node) {
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
      c.checkKeys(CREDENTIAL_KEYS);
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

  private String credentialRef(YamlMapping auth, String key, List<CredentialSpec> credentials) {
    String value = optionalString(auth, key);
    if (value != null && credentials.stream().noneMatch(c -> c.name().equals(value))) {
      reader.error(auth.value(key), "'" + key + "' in auth names the credential '" + value + "', which is not declared"
          + DidYouMean.hint(value, credentials.stream().map(CredentialSpec::name).toList()));
      return null;
    }
    return value;
  }

  private String optionalString(YamlMapping mapping, String key) {
    Node node = mapping.present(key);
    return node == null ? null : reader.string(node, "'" + key + "' " + mapping.context());
  }

  private Map<String, String> headers(Node node, List<CredentialSpec> credentials) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (node == null || reader.isNull(node)) {
      return headers;
    }
    YamlMapping mapping = reader.mapping(node, "'headers' in auth", "in auth headers");
    if (mapping == null) {
      return headers;
    }
    for (String name : mapping.keys()) {
      Node valueNode = mapping.value(name);
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        reader.error(mapping.keyNode(name), "'" + name + "' is not a valid HTTP header name");
        continue;
      }
      String value = reader.text(valueNode, "header '" + name + "'");
      if (value == null) {
        continue;
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        reader.error(valueNode, "header '" + name + "' must be one line (a line break would start another header)");
        continue;
      }
      checkCredentialPlaceholders(valueNode, value, "header '" + name + "'", credentials);
      headers.put(name, value);
    }
    return headers;
  }

  /** Header values and OAuth URLs may name credentials only: no parameter exists when they are sent. */
  private void checkCredentialPlaceholders(Node node, String text, String what, List<CredentialSpec> credentials) {
    UrlTemplate.Result parsed = UrlTemplate.parse(text);
    if (parsed.error() != null) {
      reader.error(node, "malformed " + what + ": " + parsed.error());
      return;
    }
    List<String> names = credentials.stream().map(CredentialSpec::name).toList();
    for (String placeholder : parsed.template().placeholders()) {
      if (!names.contains(placeholder)) {
        reader.error(node, "placeholder '{" + placeholder + "}' in " + what + " matches no credential"
            + DidYouMean.hint(placeholder, names));
      }
    }
  }

  private OAuth2Spec oauth2(Node node, List<CredentialSpec> credentials) {
    YamlMapping o = reader.mapping(node, "'oauth2' in auth", "in auth oauth2");
    if (o == null) {
      return null;
    }
    o.checkKeys(OAUTH2_KEYS);
    String grant = optionalString(o, "grant");
    List<String> grants = List.of(OAuth2Spec.AUTHORIZATION_CODE, OAuth2Spec.CLIENT_CREDENTIALS);
    if (grant == null) {
      grant = OAuth2Spec.AUTHORIZATION_CODE;
    } else if (!grants.contains(grant)) {
      reader.error(o.value("grant"), "unknown OAuth 2 grant '" + grant + "'" + hintOrList(grant, grants, grants));
      grant = OAuth2Spec.AUTHORIZATION_CODE;
    }
    String authorizationUrl = url(o, "authorization_url", credentials);
    String tokenUrl = url(o, "token_url", credentials);
    String revokeUrl = url(o, "revoke_url", credentials);
    if (tokenUrl == null && o.present("token_url") == null) {
      reader.error(o.node(), "oauth2 has no 'token_url'");
    }
    if (grant.equals(OAuth2Spec.AUTHORIZATION_CODE) && authorizationUrl == null && o.present("authorization_url") == null) {
      reader.error(o.node(), "oauth2 with grant 'authorization_code' needs 'authorization_url'");
    }
    List<String> scopes = new ArrayList<>();
    if (o.present("scopes") != null) {
      List<Node> items = reader.list(o.value("scopes"), "'scopes' in oauth2");
      if (items != null) {
        for (Node item : items) {
          String scope = reader.string(item, "a scope");
          if (scope != null) {
            scopes.add(scope);
          }
        }
      }
    }
    boolean pkce = o.present("pkce") == null || Boolean.TRUE.equals(reader.bool(o.value("pkce"), "'pkce' in oauth2"));
    String clientId = credentialRef(o, "client_id", credentials);
    String clientSecret = credentialRef(o, "client_secret", credentials);
    if (clientId == null && o.present("client_id") == null) {
      reader.error(o.node(), "oauth2 has no 'client_id' (the credential that holds the client id)");
    }
    return new OAuth2Spec(o.location(), grant, authorizationUrl, tokenUrl, revokeUrl, scopes, pkce, clientId,
        clientSecret);
  }

  private String url(YamlMapping o, String key, List<CredentialSpec> credentials) {
    String value = optionalString(o, key);
    if (value == null) {
      return null;
    }
    if (!value.startsWith("https://") && !value.startsWith("http://") && !value.startsWith("{")) {
      reader.error(o.value(key), "'" + key + "' must be an http(s) URL, not '" + value + "'");
      return null;
    }
    checkCredentialPlaceholders(o.value(key), value, "'" + key + "'", credentials);
    return value;
  }

  /** A "did you mean" when one is close, else the list of allowed values. */
  static String hintOrList(String word, List<String> candidates, List<String> allowed) {
    String hint = DidYouMean.hint(word, candidates);
    return hint.isEmpty() ? " (expected one of " + String.join(", ", allowed) + ")" : hint;
  }
}
