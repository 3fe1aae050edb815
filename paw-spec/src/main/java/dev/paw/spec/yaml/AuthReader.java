package dev.paw.spec.yaml;

import dev.paw.spec.AuthMethod;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.Location;
import dev.paw.spec.OAuth2Spec;
import dev.paw.spec.diagnostic.Wording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code auth} section: method, credentials, static headers and where the credential
 * goes.
 */
final class AuthReader {

  static final List<String> KEYS =
      List.of(
          "method",
          "credentials",
          "headers",
          "credential",
          "header",
          "in",
          "name",
          "prefix",
          "username",
          "password",
          "oauth2");
  private static final List<String> METHOD_NAMES =
      Arrays.stream(AuthMethod.values()).map(AuthMethod::wireName).toList();
  private static final String TOKEN_CHARS = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

  private final YamlReader reader;
  private final CredentialReader credentialReader;

  AuthReader(YamlReader reader, CredentialReader credentialReader) {
    this.reader = reader;
    this.credentialReader = credentialReader;
  }

  /** Reads {@code auth}; a connector without one authenticates with {@code none}. */
  AuthSpec read(Node node, Location fallback) {
    if (node == null || reader.isNull(node)) {
      return new AuthSpec(
          fallback, AuthMethod.NONE, List.of(), Map.of(), null, null, null, null, null, null, null);
    }
    YamlMapping auth = reader.mapping(node, "'auth'", "in auth");
    if (auth == null) {
      return new AuthSpec(
          fallback, AuthMethod.NONE, List.of(), Map.of(), null, null, null, null, null, null, null);
    }
    auth.checkKeys(KEYS);
    AuthMethod method = method(auth);
    checkApplies(auth, method);
    List<CredentialSpec> credentials = credentialReader.read(auth.value("credentials"));
    String credential = credentialReader.reference(auth, "credential");
    String username = credentialReader.reference(auth, "username");
    String password = credentialReader.reference(auth, "password");
    String in = in(auth);
    String name = optionalString(auth, "name");
    String header = optionalString(auth, "header");
    if (header != null && name != null) {
      reader.error(
          auth.keyNode("header"),
          "auth gives both 'header' and 'name'; 'header' is PocketPaw's spelling of"
              + " 'name', so give one");
    }
    if (name == null) {
      name = header;
    }
    if (name != null && !name.matches(TOKEN_CHARS)) {
      reader.error(
          auth.value(auth.has("name") ? "name" : "header"),
          "'" + name + "' cannot be a header, query parameter or cookie name");
    }
    checkPlacementNamed(auth, method, in);
    String prefix =
        auth.present("prefix") == null
            ? null
            : reader.text(auth.value("prefix"), "'prefix' in auth");
    Map<String, String> headers = headers(auth.value("headers"));
    OAuth2Spec oauth2 =
        auth.present("oauth2") == null
            ? null
            : new OAuth2Reader(reader, credentialReader).read(auth.value("oauth2"));
    if (oauth2 != null && method != AuthMethod.OAUTH2) {
      reader.error(
          auth.keyNode("oauth2"),
          "'oauth2' settings need 'method: oauth2', but the method is '" + method.wireName() + "'");
    }
    return new AuthSpec(
        auth.location(),
        method,
        credentials,
        headers,
        credential,
        in,
        name,
        prefix,
        username,
        password,
        oauth2);
  }

  private AuthMethod method(YamlMapping auth) {
    Node node = auth.present("method");
    if (node == null) {
      reader.error(
          auth.node(), "auth has no 'method' (one of " + String.join(", ", METHOD_NAMES) + ")");
      return AuthMethod.NONE;
    }
    String text = reader.string(node, "'method' in auth");
    if (text == null) {
      return AuthMethod.NONE;
    }
    // Exact spelling, as PocketPaw compares it ('API_KEY' would silently send no auth there).
    return AuthMethod.parse(text)
        .filter(m -> text.equals(m.wireName()) || text.equals("oauth"))
        .orElseGet(
            () -> {
              List<String> candidates = new ArrayList<>(METHOD_NAMES);
              candidates.add("oauth");
              reader.error(
                  node,
                  "unknown auth method '"
                      + text
                      + "'"
                      + Wording.hintOrList(text, candidates, METHOD_NAMES));
              return AuthMethod.NONE;
            });
  }

  private String in(YamlMapping auth) {
    String in = optionalString(auth, "in");
    if (in != null && !in.equals(AuthSpec.IN_HEADER) && !in.equals(AuthSpec.IN_QUERY)) {
      reader.error(
          auth.value("in"),
          "'in' in auth must be 'header' or 'query', not '"
              + in
              + "'"
              + Wording.didYouMean(in, List.of(AuthSpec.IN_HEADER, AuthSpec.IN_QUERY)));
      return null;
    }
    return in;
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
    appliesTo.put(
        "credential",
        List.of(
            AuthMethod.API_KEY,
            AuthMethod.BEARER,
            AuthMethod.HEADER,
            AuthMethod.COOKIE,
            AuthMethod.OAUTH2));
    for (Map.Entry<String, List<AuthMethod>> rule : appliesTo.entrySet()) {
      if (auth.has(rule.getKey()) && !rule.getValue().contains(method)) {
        reader.error(
            auth.keyNode(rule.getKey()),
            "'"
                + rule.getKey()
                + "' does not apply to '"
                + method.wireName()
                + "' auth (only to "
                + String.join(", ", rule.getValue().stream().map(AuthMethod::wireName).toList())
                + ")");
      }
    }
  }

  /**
   * A credential sent in the query, in a custom header or in a cookie needs the name to send it
   * under.
   */
  private void checkPlacementNamed(YamlMapping auth, AuthMethod method, String in) {
    if (auth.has("name") || auth.has("header")) {
      return;
    }
    if (method == AuthMethod.API_KEY && AuthSpec.IN_QUERY.equals(in)) {
      reader.error(
          auth.value("in"),
          "api_key auth in the query needs 'name' (the query parameter that carries the"
              + " key, e.g. name: api_key)");
    } else if (method == AuthMethod.HEADER) {
      reader.error(
          auth.value("method"),
          "header auth needs 'header' (the name of the header that carries the"
              + " credential, e.g. header: X-Api-Key)");
    } else if (method == AuthMethod.COOKIE) {
      reader.error(
          auth.value("method"),
          "cookie auth needs 'name' (the cookie that carries the credential, e.g."
              + " name: session)");
    }
  }

  private String optionalString(YamlMapping mapping, String key) {
    Node node = mapping.present(key);
    return node == null ? null : reader.string(node, "'" + key + "' " + mapping.context());
  }

  private Map<String, String> headers(Node node) {
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
      if (!name.matches(TOKEN_CHARS)) {
        reader.error(mapping.keyNode(name), "'" + name + "' is not a valid HTTP header name");
        continue;
      }
      String value = reader.text(valueNode, "header '" + name + "'");
      if (value == null) {
        continue;
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        reader.error(
            valueNode,
            "header '" + name + "' must be one line (a line break would start another header)");
        continue;
      }
      credentialReader.template(valueNode, value, "header '" + name + "'");
      headers.put(name, value);
    }
    return headers;
  }
}
