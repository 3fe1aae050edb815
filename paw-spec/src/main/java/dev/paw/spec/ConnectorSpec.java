package dev.paw.spec;

import java.util.List;
import java.util.Optional;

/**
 * A linked, validated connector: the one model that both the code generator and the runtime work
 * from. Generated code builds it as code; the runtime gets the same value by loading the YAML file.
 *
 * @param name the registry key ({@code stripe}); the file name does not matter
 * @param baseUrl the base for relative action URLs, or {@code null}
 * @param streams the sync streams, in file order
 * @param surfaceProfile PocketPaw's agent surface settings, or {@code null}
 * @param rateLimit the connection's {@code rate_limit} over all its requests, or {@code null}
 * @param mcpServer the MCP server whose allowed tools are this connector's {@code LOCAL} actions
 *     ({@code mcp_server}), or {@code null}
 */
public record ConnectorSpec(
    Location location,
    int specVersion,
    String name,
    String displayName,
    String type,
    String icon,
    String baseUrl,
    AuthSpec auth,
    List<ActionSpec> actions,
    List<StreamSpec> streams,
    List<String> senses,
    SurfaceProfile surfaceProfile,
    RateLimit rateLimit,
    McpServerSpec mcpServer) {

  /** The newest connector file format this library reads. */
  public static final int SPEC_VERSION = 1;

  public ConnectorSpec {
    actions = List.copyOf(actions);
    streams = List.copyOf(streams);
    senses = List.copyOf(senses);
  }

  /** A connector with no rate limit that is not an MCP server. */
  public ConnectorSpec(
      Location location,
      int specVersion,
      String name,
      String displayName,
      String type,
      String icon,
      String baseUrl,
      AuthSpec auth,
      List<ActionSpec> actions,
      List<StreamSpec> streams,
      List<String> senses,
      SurfaceProfile surfaceProfile) {
    this(
        location,
        specVersion,
        name,
        displayName,
        type,
        icon,
        baseUrl,
        auth,
        actions,
        streams,
        senses,
        surfaceProfile,
        null,
        null);
  }

  /** The file the connector was read from, as the user named it. */
  public String source() {
    return location.path();
  }

  public Optional<ActionSpec> action(String actionName) {
    return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
  }

  public Optional<StreamSpec> stream(String table) {
    return streams.stream().filter(s -> s.table().equals(table)).findFirst();
  }

  public ConnectorSpec withStreams(List<StreamSpec> newStreams) {
    return toBuilder().streams(newStreams).build();
  }

  public ConnectorSpec withAuth(AuthSpec newAuth) {
    return toBuilder().auth(newAuth).build();
  }

  public ConnectorSpec withActions(List<ActionSpec> newActions) {
    return toBuilder().actions(newActions).build();
  }

  /**
   * A builder for a connector of the current format version with no auth, actions or streams yet.
   */
  public static Builder builder(Location location, String name) {
    return new Builder(location, name);
  }

  /** A builder holding every value of this one, to change a few. */
  public Builder toBuilder() {
    return builder(location, name)
        .specVersion(specVersion)
        .displayName(displayName)
        .type(type)
        .icon(icon)
        .baseUrl(baseUrl)
        .auth(auth)
        .actions(actions)
        .streams(streams)
        .senses(senses)
        .surfaceProfile(surfaceProfile)
        .rateLimit(rateLimit)
        .mcpServer(mcpServer);
  }

  /**
   * Builds a {@link ConnectorSpec}; every value not set keeps the default {@link #builder}
   * describes.
   */
  public static final class Builder {
    private final Location location;
    private int specVersion = SPEC_VERSION;
    private final String name;
    private String displayName;
    private String type;
    private String icon;
    private String baseUrl;
    private AuthSpec auth;
    private List<ActionSpec> actions = List.of();
    private List<StreamSpec> streams = List.of();
    private List<String> senses = List.of();
    private SurfaceProfile surfaceProfile;
    private RateLimit rateLimit;
    private McpServerSpec mcpServer;

    private Builder(Location location, String name) {
      this.location = location;
      this.name = name;
    }

    public Builder specVersion(int value) {
      specVersion = value;
      return this;
    }

    public Builder displayName(String value) {
      displayName = value;
      return this;
    }

    public Builder type(String value) {
      type = value;
      return this;
    }

    public Builder icon(String value) {
      icon = value;
      return this;
    }

    public Builder baseUrl(String value) {
      baseUrl = value;
      return this;
    }

    public Builder auth(AuthSpec value) {
      auth = value;
      return this;
    }

    public Builder actions(List<ActionSpec> value) {
      actions = value;
      return this;
    }

    public Builder streams(List<StreamSpec> value) {
      streams = value;
      return this;
    }

    public Builder senses(List<String> value) {
      senses = value;
      return this;
    }

    public Builder surfaceProfile(SurfaceProfile value) {
      surfaceProfile = value;
      return this;
    }

    public Builder rateLimit(RateLimit value) {
      rateLimit = value;
      return this;
    }

    /** The MCP server this connector runs ({@code mcp_server}), or {@code null}. */
    public Builder mcpServer(McpServerSpec value) {
      mcpServer = value;
      return this;
    }

    public ConnectorSpec build() {
      return new ConnectorSpec(
          location,
          specVersion,
          name,
          displayName,
          type,
          icon,
          baseUrl,
          auth,
          actions,
          streams,
          senses,
          surfaceProfile,
          rateLimit,
          mcpServer);
    }
  }
}
