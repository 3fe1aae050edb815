package dev.paw.spec;

import java.util.List;
import java.util.Optional;

/**
 * A linked, validated connector: the one model that both the code generator and the runtime work from.
 * Generated code builds it as code; the runtime gets the same value by loading the YAML file.
 *
 * @param name the registry key ({@code stripe}); the file name does not matter
 * @param baseUrl the base for relative action URLs, or {@code null}
 * @param streams the sync streams, in file order
 * @param surfaceProfile PocketPaw's agent surface settings, or {@code null}
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
    SurfaceProfile surfaceProfile) {

  /** The newest connector file format this library reads. */
  public static final int SPEC_VERSION = 1;

  public ConnectorSpec {
    actions = List.copyOf(actions);
    streams = List.copyOf(streams);
    senses = List.copyOf(senses);
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
    return new ConnectorSpec(location, specVersion, name, displayName, type, icon, baseUrl, auth, actions, newStreams,
        senses, surfaceProfile);
  }

  public ConnectorSpec withAuth(AuthSpec newAuth) {
    return new ConnectorSpec(location, specVersion, name, displayName, type, icon, baseUrl, newAuth, actions, streams,
        senses, surfaceProfile);
  }

  public ConnectorSpec withActions(List<ActionSpec> newActions) {
    return new ConnectorSpec(location, specVersion, name, displayName, type, icon, baseUrl, auth, newActions, streams,
        senses, surfaceProfile);
  }
}
