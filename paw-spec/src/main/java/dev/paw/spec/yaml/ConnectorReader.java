package dev.paw.spec.yaml;

import dev.paw.spec.AuthSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.Location;
import dev.paw.spec.RateLimit;
import dev.paw.spec.SurfaceProfile;
import dev.paw.spec.UrlTemplate;
import dev.paw.spec.read.ReadAction;
import dev.paw.spec.read.ReadConnector;
import dev.paw.spec.read.ReadStream;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a composed connector document into a {@link ReadConnector}, reporting every structural
 * problem (unknown keys, wrong types, bad names and values) with its location. Names that refer to
 * other elements are kept as written: resolving them, and inference, are the linker's job.
 */
public final class ConnectorReader {

  static final List<String> KEYS =
      List.of(
          "spec_version",
          "name",
          "display_name",
          "type",
          "icon",
          "base_url",
          "auth",
          "actions",
          "sync",
          "senses",
          "surface_profile",
          RateLimitReader.KEY,
          "mcp_server");
  static final List<String> SURFACE_KEYS = List.of("skill", "allow_tools", "deny_tools");

  private final YamlReader reader;

  public ConnectorReader(YamlReader reader) {
    this.reader = reader;
  }

  /** Reads {@code root}; returns {@code null} when the document cannot be a connector at all. */
  public ReadConnector read(Node root, String path) {
    Location file = Location.file(path).at(1, 1);
    if (root == null) {
      reader.diagnostics().error(file, "the file is empty; a connector needs at least a 'name'");
      return null;
    }
    if (reader.isNull(root) || !(root instanceof MappingNode)) {
      reader.error(
          root,
          "a connector file must be a mapping of keys (name, auth, actions, sync), not "
              + reader.describe(root));
      return null;
    }
    YamlMapping top = reader.mapping(root, "the connector", "at the top level");
    top.checkKeys(KEYS);
    int specVersion = specVersion(top);
    String name = name(top);
    Node displayNode = top.present("display_name");
    String displayName =
        displayNode == null
            ? null
            : DisplayText.read(reader, displayNode, "'display_name'", DisplayText.Lines.ONE);
    String type = string(top, "type");
    String icon = string(top, "icon");
    CredentialReader credentials = new CredentialReader(reader);
    AuthSpec auth = new AuthReader(reader, credentials).read(top.value("auth"), top.location());
    String baseUrl = baseUrl(top, credentials);
    List<ReadAction> actions = new ActionReader(reader).read(top.value("actions"));
    McpServerReader.Result mcp = new McpServerReader(reader).read(top.present("mcp_server"), auth);
    actions = McpActions.merge(reader, actions, mcp.actions());
    List<ReadStream> streams = new SyncReader(reader).read(top.value("sync"));
    List<String> senses = reader.strings(top.value("senses"), "'senses'");
    SurfaceProfile surface = surfaceProfile(top.value("surface_profile"));
    RateLimit rateLimit = new RateLimitReader(reader).read(top, "the connector");
    ConnectorSpec connector =
        new ConnectorSpec(
            top.location(),
            specVersion,
            name,
            displayName == null ? name : displayName,
            type,
            icon,
            baseUrl,
            auth,
            actions.stream().map(ReadAction::action).toList(),
            streams.stream().filter(ReadStream::kept).map(ReadStream::stream).toList(),
            senses,
            surface,
            rateLimit,
            mcp.server());
    return new ReadConnector(
        connector, credentials.references(), credentials.templates(), actions, streams);
  }

  private int specVersion(YamlMapping top) {
    Node node = top.present("spec_version");
    if (node == null) {
      return ConnectorSpec.SPEC_VERSION;
    }
    Long version = reader.integer(node, "'spec_version'");
    if (version == null) {
      return ConnectorSpec.SPEC_VERSION;
    }
    if (version < 1) {
      reader.error(node, "spec_version must be 1 or more, not " + version);
    } else if (version > ConnectorSpec.SPEC_VERSION) {
      reader.error(
          node,
          "spec_version "
              + version
              + " is newer than this paw reads (up to "
              + ConnectorSpec.SPEC_VERSION
              + "); upgrade paw or write spec_version: "
              + ConnectorSpec.SPEC_VERSION);
    }
    return version.intValue();
  }

  private String name(YamlMapping top) {
    Node node = top.present("name");
    if (node == null) {
      reader.error(
          top.node(),
          "the connector has no 'name' (the key it is registered under, e.g. 'name: stripe')");
      return null;
    }
    String name = reader.string(node, "'name'");
    if (name != null && !name.matches("[a-z][a-z0-9_]{0,62}")) {
      reader.error(
          node,
          "connector name '"
              + name
              + "' must be lower-case letters, digits and '_', starting with a"
              + " letter");
      return null;
    }
    if (name != null && name.startsWith("paw_")) {
      // paw keeps its own credentials under such names (the administrator secret's hash is under
      // paw_admin):
      // a connector of that name would be handed them
      reader.error(
          node,
          "connector name '"
              + name
              + "' starts with 'paw_', which is reserved for paw's own"
              + " credentials");
      return null;
    }
    return name;
  }

  private String baseUrl(YamlMapping top, CredentialReader credentials) {
    String url = string(top, "base_url");
    if (url == null) {
      return null;
    }
    Node node = top.value("base_url");
    UrlTemplate.Result parsed = UrlTemplate.parse(url);
    if (parsed.error() != null) {
      reader.error(node, "malformed base_url: " + parsed.error());
      return null;
    }
    if (!url.startsWith("https://") && !url.startsWith("http://") && !url.startsWith("{")) {
      reader.error(node, "base_url must be an http(s) URL, not '" + url + "'");
      return null;
    }
    credentials.placeholders(node, "base_url", parsed.template().placeholders());
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private SurfaceProfile surfaceProfile(Node node) {
    if (node == null || reader.isNull(node)) {
      return null;
    }
    YamlMapping s = reader.mapping(node, "'surface_profile'", "in surface_profile");
    if (s == null) {
      return null;
    }
    s.checkKeys(SURFACE_KEYS);
    return new SurfaceProfile(
        string(s, "skill"),
        reader.strings(s.value("allow_tools"), "'allow_tools'"),
        reader.strings(s.value("deny_tools"), "'deny_tools'"));
  }

  private String string(YamlMapping mapping, String key) {
    Node node = mapping.present(key);
    return node == null ? null : reader.string(node, "'" + key + "'");
  }
}
