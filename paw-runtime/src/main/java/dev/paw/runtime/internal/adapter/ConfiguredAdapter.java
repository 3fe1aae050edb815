package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.internal.pocket.ConnectionSettingsStore;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.PinChange;
import dev.paw.spec.ConnectorSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A connector as one connection configured it: the file's connector with the sync parameters given
 * at connect time ({@link SyncParams}) applied. Runs everything through a {@link DirectRestAdapter}
 * of that connector, made anew when a connect changes the parameters, so the object a host holds
 * syncs what the latest connect said.
 */
public final class ConfiguredAdapter implements ConnectorProtocol {

  private static final String PARAMS = "params";

  private final Pocket pocket;
  private final RegisteredConnector connector;
  private final Function<RegisteredConnector, DirectRestAdapter> adapters;
  private DirectRestAdapter current;

  ConfiguredAdapter(
      Pocket pocket,
      RegisteredConnector connector,
      Function<RegisteredConnector, DirectRestAdapter> adapters) {
    this.pocket = pocket;
    this.connector = connector;
    this.adapters = adapters;
  }

  /** The adapter of the connector as stored settings configure it, made on first use. */
  private synchronized DirectRestAdapter current() {
    if (current == null) {
      current = adapterFor(storedParams());
    }
    return current;
  }

  private DirectRestAdapter adapterFor(Map<String, Object> params) {
    ConnectorSpec applied = SyncParams.apply(connector.spec(), params);
    return adapters.apply(
        applied == connector.spec()
            ? connector
            : new RegisteredConnector(applied, connector.compiledMappers(), connector.file()));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> storedParams() {
    if (!needsSettings()) {
      return Map.of();
    }
    Object params = settings().get(connector.name()).get(PARAMS);
    return params instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** A connector without sync streams has nothing to configure: its pocket.db is not read. */
  private boolean needsSettings() {
    return !connector.spec().streams().isEmpty();
  }

  private ConnectionSettingsStore settings() {
    return new ConnectionSettingsStore(pocket);
  }

  @Override
  public ConnectorSpec spec() {
    return current().spec();
  }

  @Override
  public CompletionStage<ConnectionResult> connect(ConnectOptions options) {
    Map<String, Object> params;
    try {
      Map<String, Object> given = SyncParams.check(connector.spec(), options.params());
      params = new LinkedHashMap<>(storedParams());
      params.putAll(given);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    DirectRestAdapter next = adapterFor(params);
    return next.connect(options)
        .thenApply(
            result -> {
              if (needsSettings()) {
                settings()
                    .put(connector.name(), params.isEmpty() ? Map.of() : Map.of(PARAMS, params));
              }
              synchronized (this) {
                current = next;
              }
              return result;
            });
  }

  @Override
  public CompletionStage<Void> disconnect() {
    return current()
        .disconnect()
        .thenApply(
            done -> {
              if (needsSettings()) {
                settings().put(connector.name(), Map.of());
              }
              synchronized (this) {
                current = null;
              }
              return done;
            });
  }

  @Override
  public CompletionStage<ActionResult> execute(String action, Map<String, ?> params) {
    return current().execute(action, params);
  }

  @Override
  public CompletionStage<SyncResult> sync(String table) {
    return current().sync(table);
  }

  @Override
  public CompletionStage<List<SyncResult>> syncAll() {
    return current().syncAll();
  }

  @Override
  public <R> List<R> rows(String table, RowReader<R> reader) {
    return current().rows(table, reader);
  }

  @Override
  public List<TableSchema> schema() {
    return current().schema();
  }

  @Override
  public CompletionStage<HealthStatus> health() {
    return current().health();
  }

  /** What changed since the user connected this connector (see {@link DirectRestAdapter}). */
  public List<PinChange> pinChanges() {
    return current().pinChanges();
  }

  public Pocket pocket() {
    return pocket;
  }

  @Override
  public String toString() {
    return "ConfiguredAdapter{" + connector.name() + " in " + pocket + "}";
  }
}
