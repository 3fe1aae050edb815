package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.LocalActions;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Who runs each connector's {@code LOCAL} actions: the host's {@link LocalActions} given to the
 * builder, else the {@link LocalActions.Adapter} registered for the connector through {@link
 * ServiceLoader} (paw's own file connector among them). The one place that says what is missing
 * when neither is there.
 */
public final class LocalAdapters implements AutoCloseable {

  /** What the adapter that runs connectors declaring {@code mcp_server} registers as. */
  public static final String MCP_SERVER = "mcp_server";

  private final List<AutoCloseable> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final Map<String, LocalActions> given;
  private final Map<String, LocalActions.Adapter> adapters;
  private final RuntimeLimits limits;
  private final SyncListener listener;

  private LocalAdapters(
      Map<String, LocalActions> given,
      Map<String, LocalActions.Adapter> adapters,
      RuntimeLimits limits,
      SyncListener listener) {
    this.given = Map.copyOf(given);
    this.adapters = Map.copyOf(adapters);
    this.limits = limits;
    this.listener = listener;
  }

  /**
   * The host's actions over the adapters that {@code loader} and paw's own class loader register;
   * the first adapter found for a connector wins.
   */
  public static LocalAdapters discover(
      Map<String, LocalActions> given, ClassLoader loader, RuntimeLimits limits) {
    Map<String, LocalActions.Adapter> found = new LinkedHashMap<>();
    for (ClassLoader each : List.of(loader, LocalActions.class.getClassLoader())) {
      for (LocalActions.Adapter adapter : ServiceLoader.load(LocalActions.Adapter.class, each)) {
        found.putIfAbsent(adapter.connector(), adapter);
      }
    }
    return new LocalAdapters(given, found, limits, null);
  }

  /** These adapters, opening actions that report progress (imports) to {@code listener}. */
  LocalAdapters reportingTo(SyncListener listener) {
    return new LocalAdapters(given, adapters, limits, listener);
  }

  /**
   * The actions of {@code connector} for one connection, or {@code null} when none is installed.
   */
  LocalActions open(ConnectorSpec spec, ScopedCredentials credentials) {
    LocalActions local = given.get(spec.name());
    if (local != null) {
      return local;
    }
    LocalActions.Adapter adapter = adapter(spec);
    if (adapter == null) {
      return null;
    }
    LocalActions actions = adapter.open(spec, credentials, limits, listener);
    if (actions instanceof AutoCloseable closeable) {
      opened.add(closeable);
    }
    return actions;
  }

  private LocalActions.Adapter adapter(ConnectorSpec spec) {
    LocalActions.Adapter own = adapters.get(spec.name());
    return own == null && spec.mcpServer() != null ? adapters.get(MCP_SERVER) : own;
  }

  /** Closes what the adapters opened (an MCP server's process among them). */
  @Override
  public void close() {
    for (AutoCloseable each : opened) {
      try {
        each.close();
      } catch (Exception e) {
        // closing the others matters more
      }
    }
    opened.clear();
  }

  /**
   * One line saying which adapter {@code spec} lacks and what it would take, when it has {@code
   * LOCAL} actions and nothing runs them; empty otherwise.
   */
  public Optional<String> missing(ConnectorSpec spec) {
    if (given.containsKey(spec.name()) || adapter(spec) != null) {
      return Optional.empty();
    }
    List<String> local =
        spec.actions().stream()
            .filter(a -> a.method() == HttpMethod.LOCAL)
            .map(ActionSpec::name)
            .toList();
    return local.isEmpty() ? Optional.empty() : Optional.of(missingMessage(spec.name(), local));
  }

  static String missingMessage(String connector, List<String> actions) {
    return "connector '"
        + connector
        + "' needs a local adapter, and none is installed: its LOCAL actions ("
        + String.join(", ", actions)
        + ") run only through a module on paw's class path that registers a"
        + " dev.paw.runtime.LocalActions$Adapter for '"
        + connector
        + "' with ServiceLoader (docs/adapters.md)";
  }
}
