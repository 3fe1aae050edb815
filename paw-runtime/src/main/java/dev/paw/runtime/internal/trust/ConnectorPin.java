package dev.paw.runtime.internal.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paw.runtime.internal.credentials.CredentialSource;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.PinChange;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.TrustLevel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import okhttp3.HttpUrl;

/**
 * What the user approved when connecting a connector to a pocket, kept in {@code _paw_connections}:
 * where the definition came from, the hosts it may send credentials to, each action's trust level,
 * the credential names it declares, and a digest of the whole definition. A definition that later
 * gives the connector more than this is refused until the user reviews it. Hosts that come from a
 * secret credential are kept as their SHA-256 only, so pocket.db holds no part of a secret.
 */
public record ConnectorPin(
    String origin,
    SortedSet<String> hosts,
    SortedMap<String, TrustLevel> trustLevels,
    SortedSet<String> credentials,
    String digest) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HASHED = "sha256:";

  public ConnectorPin {
    hosts = new TreeSet<>(hosts);
    trustLevels = new TreeMap<>(trustLevels);
    credentials = new TreeSet<>(credentials);
  }

  /**
   * The pin of a connector's current definition.
   *
   * @param credentials fill the hosts that come from a credential placeholder
   * @param baseUrlOverride the connection's base URL override, or {@code null}
   */
  public static ConnectorPin of(
      RegisteredConnector connector, CredentialSource credentials, String baseUrlOverride) {
    ConnectorSpec spec = connector.spec();
    SortedSet<String> hosts = new TreeSet<>();
    List<String> templates = new ArrayList<>();
    templates.add(spec.baseUrl());
    spec.actions().forEach(a -> templates.add(a.url()));
    if (spec.auth().oauth2() != null) {
      templates.add(spec.auth().oauth2().tokenUrl());
      templates.add(spec.auth().oauth2().authorizationUrl());
    }
    templates.add(baseUrlOverride);
    for (String template : templates) {
      String host = host(template, spec, credentials);
      if (host != null) {
        hosts.add(host);
      }
    }
    SortedMap<String, TrustLevel> levels = new TreeMap<>();
    for (ActionSpec action : spec.actions()) {
      levels.put(action.name(), action.trustLevel());
    }
    SortedSet<String> names = new TreeSet<>();
    spec.auth().credentials().forEach(c -> names.add(c.name()));
    return new ConnectorPin(connector.origin(), hosts, levels, names, sha256(spec.toString()));
  }

  /**
   * The host an absolute URL template sends to, its placeholders filled from declared credentials;
   * hashed when a secret credential is part of it. {@code null} for a relative, unfilled or
   * malformed template.
   */
  private static String host(String template, ConnectorSpec spec, CredentialSource credentials) {
    if (template == null) {
      return null;
    }
    // fill placeholders from the left until the origin is complete: "{BASE_URL}" may be a whole
    // URL, while a
    // placeholder after the origin is a parameter's
    boolean secret = false;
    StringBuilder filled = new StringBuilder();
    for (int i = 0; i < template.length() && originEnd(filled) < 0; i++) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close < 0) {
        filled.append(c);
        continue;
      }
      String name = template.substring(i + 1, close).replace("+", "");
      var declared = spec.auth().credential(name).orElse(null);
      var value = declared == null ? null : credentials.get(name).orElse(null);
      if (value == null) {
        return null;
      }
      secret |= declared.secret();
      filled.append(value.reveal());
      i = close;
    }
    int end = originEnd(filled);
    HttpUrl url = HttpUrl.parse(end < 0 ? filled.toString() : filled.substring(0, end));
    if (url == null) {
      return null;
    }
    return secret ? HASHED + sha256(url.host()) : url.host();
  }

  /**
   * Where the origin of a URL ends (the '/' that starts its path), or -1 while it is not complete.
   */
  private static int originEnd(CharSequence url) {
    String text = url.toString();
    int scheme = text.indexOf("://");
    return scheme < 0 ? -1 : text.indexOf('/', scheme + 3);
  }

  /** Whether credentials may be sent to {@code host}. */
  public boolean allows(String host) {
    return hosts.contains(host) || hosts.contains(HASHED + sha256(host));
  }

  /** What {@code now} changes against this pin, loosening changes marked. */
  public List<PinChange> changesTo(ConnectorPin now) {
    List<PinChange> changes = new ArrayList<>();
    for (String host : now.hosts) {
      if (!hosts.contains(host)) {
        changes.add(new PinChange("host", null, shown(host), true));
      }
    }
    for (String host : hosts) {
      if (!now.hosts.contains(host)) {
        changes.add(new PinChange("host", shown(host), null, false));
      }
    }
    for (Map.Entry<String, TrustLevel> action : now.trustLevels.entrySet()) {
      TrustLevel before = trustLevels.get(action.getKey());
      TrustLevel after = action.getValue();
      if (before != after) {
        boolean loosens =
            before == null ? after != TrustLevel.RESTRICTED : after.ordinal() < before.ordinal();
        changes.add(
            new PinChange(
                "action '" + action.getKey() + "'",
                before == null ? null : before.wireName(),
                after.wireName(),
                loosens));
      }
    }
    for (Map.Entry<String, TrustLevel> action : trustLevels.entrySet()) {
      if (!now.trustLevels.containsKey(action.getKey())) {
        changes.add(
            new PinChange(
                "action '" + action.getKey() + "'", action.getValue().wireName(), null, false));
      }
    }
    for (String name : now.credentials) {
      if (!credentials.contains(name)) {
        changes.add(new PinChange("credential", null, name, true));
      }
    }
    for (String name : credentials) {
      if (!now.credentials.contains(name)) {
        changes.add(new PinChange("credential", name, null, false));
      }
    }
    if (!origin.equals(now.origin)) {
      changes.add(new PinChange("origin", origin, now.origin, false));
    }
    if (!digest.equals(now.digest) && changes.isEmpty()) {
      changes.add(
          new PinChange("definition", digest.substring(0, 12), now.digest.substring(0, 12), false));
    }
    return changes;
  }

  private static String shown(String host) {
    return host.startsWith(HASHED) ? "(a host from a secret credential)" : host;
  }

  /** The pin as stored in {@code _paw_connections.pin}. */
  public String encode() {
    ObjectNode node = JSON.createObjectNode();
    node.put("origin", origin);
    hosts.forEach(node.putArray("hosts")::add);
    ObjectNode levels = node.putObject("trust_levels");
    trustLevels.forEach((action, level) -> levels.put(action, level.wireName()));
    credentials.forEach(node.putArray("credentials")::add);
    node.put("digest", digest);
    return node.toString();
  }

  /** A stored pin. */
  public static ConnectorPin decode(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      SortedSet<String> hosts = new TreeSet<>();
      node.path("hosts").forEach(h -> hosts.add(h.asText()));
      SortedMap<String, TrustLevel> levels = new TreeMap<>();
      node.path("trust_levels")
          .fields()
          .forEachRemaining(
              e ->
                  levels.put(
                      e.getKey(),
                      TrustLevel.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT))));
      SortedSet<String> credentials = new TreeSet<>();
      node.path("credentials").forEach(c -> credentials.add(c.asText()));
      return new ConnectorPin(
          node.path("origin").asText(), hosts, levels, credentials, node.path("digest").asText());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the stored pin of this connection is unreadable: " + e.getMessage(), e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
