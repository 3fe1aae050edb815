package dev.paw.mcp.internal;

import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ApprovalRequest;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors connected to the served pocket, read once when the server starts: their specs and
 * the base URL each connection sends to (the connection's override, else the file's).
 */
public final class ConnectedConnectors {

  private final String pocketName;
  private final Map<String, ConnectorSpec> specs;
  private final Map<String, String> baseUrls;

  private ConnectedConnectors(
      String pocketName, Map<String, ConnectorSpec> specs, Map<String, String> baseUrls) {
    this.pocketName = pocketName;
    this.specs = specs;
    this.baseUrls = baseUrls;
  }

  /** The connected connectors of {@code pocket} that {@code paw} can run. */
  public static ConnectedConnectors of(Paw paw, Pocket pocket) {
    Map<String, ConnectorSpec> specs = new LinkedHashMap<>();
    Map<String, String> urls = new LinkedHashMap<>();
    List<ConnectionRecord> connections;
    try {
      connections = pocket.connections();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the connections of pocket '" + pocket.name() + "': " + e.getMessage(), e);
    }
    connections.stream()
        .filter(c -> c.state() != ConnectionRecord.State.DISCONNECTED)
        .sorted(java.util.Comparator.comparing(ConnectionRecord::connector))
        .forEach(
            c ->
                paw.findConnector(c.connector())
                    .ifPresent(
                        registered -> {
                          ConnectorSpec spec = registered.spec();
                          specs.put(spec.name(), spec);
                          String base =
                              c.baseUrlOverride() != null ? c.baseUrlOverride() : spec.baseUrl();
                          urls.put(spec.name(), base == null ? "" : base);
                        }));
    return new ConnectedConnectors(pocket.name(), specs, urls);
  }

  public String pocketName() {
    return pocketName;
  }

  public List<ConnectorSpec> specs() {
    return List.copyOf(specs.values());
  }

  Optional<ConnectorSpec> spec(String connector) {
    return Optional.ofNullable(specs.get(connector));
  }

  /** Where a call of {@code action} goes, with its URL placeholders as written. */
  String target(ConnectorSpec spec, ActionSpec action) {
    if (action.url() == null) {
      return "pocket '" + pocketName + "'";
    }
    String base = baseUrls.getOrDefault(spec.name(), "");
    return action.url().startsWith("http") ? action.url() : base + action.url();
  }

  /** The question the human is asked about {@code request}. */
  ConfirmQuestion question(ApprovalRequest request) {
    ConnectorSpec spec = specs.get(request.connector());
    ActionSpec action = spec == null ? null : spec.action(request.action()).orElse(null);
    String service =
        spec == null
            ? request.connector()
            : (spec.displayName() == null ? spec.name() : spec.displayName());
    return new ConfirmQuestion(
        service,
        request.connector(),
        request.action(),
        request.description(),
        action == null ? "?" : action.method().name(),
        action == null ? "?" : target(spec, action),
        request.parameters(),
        request.pocketName());
  }
}
