package dev.paw.spec.yaml;

import dev.paw.spec.OAuth2Spec;
import dev.paw.spec.diagnostic.Wording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code auth.oauth2}: the grant, the endpoints, scopes, PKCE and the credentials that hold
 * the client.
 */
final class OAuth2Reader {

  static final List<String> KEYS =
      List.of(
          "grant",
          "authorization_url",
          "token_url",
          "revoke_url",
          "scopes",
          "pkce",
          "client_id",
          "client_secret",
          "authorization_params");
  private static final List<String> GRANTS =
      List.of(OAuth2Spec.AUTHORIZATION_CODE, OAuth2Spec.CLIENT_CREDENTIALS);

  private final YamlReader reader;
  private final CredentialReader credentialReader;

  OAuth2Reader(YamlReader reader, CredentialReader credentialReader) {
    this.reader = reader;
    this.credentialReader = credentialReader;
  }

  OAuth2Spec read(Node node) {
    YamlMapping o = reader.mapping(node, "'oauth2' in auth", "in auth oauth2");
    if (o == null) {
      return null;
    }
    o.checkKeys(KEYS);
    String grant = string(o, "grant");
    boolean grantKnown = true;
    if (grant == null) {
      grant = OAuth2Spec.AUTHORIZATION_CODE;
    } else if (!GRANTS.contains(grant)) {
      reader.error(
          o.value("grant"),
          "unknown OAuth 2 grant '" + grant + "'" + Wording.hintOrList(grant, GRANTS, GRANTS));
      grant = OAuth2Spec.AUTHORIZATION_CODE;
      grantKnown = false;
    }
    String authorizationUrl = url(o, "authorization_url");
    String tokenUrl = url(o, "token_url");
    String revokeUrl = url(o, "revoke_url");
    if (o.present("token_url") == null) {
      reader.error(o.node(), "oauth2 has no 'token_url' (the endpoint that issues access tokens)");
    }
    if (grantKnown
        && grant.equals(OAuth2Spec.AUTHORIZATION_CODE)
        && o.present("authorization_url") == null) {
      reader.error(
          o.node(),
          "oauth2 with grant 'authorization_code' needs 'authorization_url' (where the user"
              + " approves access), or write 'grant: client_credentials'");
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
    boolean pkce =
        o.present("pkce") == null
            || Boolean.TRUE.equals(reader.bool(o.value("pkce"), "'pkce' in oauth2"));
    String clientId = credentialReader.reference(o, "client_id");
    String clientSecret = credentialReader.reference(o, "client_secret");
    if (o.present("client_id") == null) {
      reader.error(o.node(), "oauth2 has no 'client_id' (the credential that holds the client id)");
    }
    return new OAuth2Spec(
        o.location(),
        grant,
        authorizationUrl,
        tokenUrl,
        revokeUrl,
        scopes,
        pkce,
        clientId,
        clientSecret,
        authorizationParams(o));
  }

  /** Extra query parameters of the authorization URL: plain names and one-line values. */
  private Map<String, String> authorizationParams(YamlMapping o) {
    Map<String, String> params = new LinkedHashMap<>();
    Node node = o.present("authorization_params");
    if (node == null) {
      return params;
    }
    YamlMapping mapping =
        reader.mapping(node, "'authorization_params' in oauth2", "in oauth2 authorization_params");
    if (mapping == null) {
      return params;
    }
    for (String name : mapping.keys()) {
      String value = reader.text(mapping.value(name), "authorization parameter '" + name + "'");
      if (value == null) {
        continue;
      }
      if (!name.matches("[A-Za-z0-9_.-]+") || value.chars().anyMatch(c -> c < 0x20)) {
        reader.error(
            mapping.keyNode(name),
            "authorization parameter '"
                + name
                + "' must be a plain name with a"
                + " one-line value");
        continue;
      }
      params.put(name, value);
    }
    return params;
  }

  private String string(YamlMapping o, String key) {
    Node node = o.present(key);
    return node == null ? null : reader.string(node, "'" + key + "' " + o.context());
  }

  private String url(YamlMapping o, String key) {
    String value = string(o, key);
    if (value == null) {
      return null;
    }
    if (!value.startsWith("https://") && !value.startsWith("http://") && !value.startsWith("{")) {
      reader.error(o.value(key), "'" + key + "' must be an http(s) URL, not '" + value + "'");
      return null;
    }
    credentialReader.template(o.value(key), value, "'" + key + "'");
    return value;
  }
}
