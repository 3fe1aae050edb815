package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.TypedResult;
import dev.paw.runtime.internal.pocket.ConnectionSettingsStore;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.PinChange;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.WriteMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A connector as one connection configured it ({@link ConnectionSettings}): the file's connector
 * with the sync parameters given at connect time applied, an endpoint's stream added, and columns
 * inferred for streams that map none. Runs everything through a {@link DirectRestAdapter} of that
 * connector, made anew when a connect changes the settings, so the object a host holds syncs what
 * the latest connect said.
 */
public final class ConfiguredAdapter implements ConnectorProtocol {

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

  /** The adapter of the connector as the stored settings configure it, made on first use. */
  private synchronized DirectRestAdapter current() {
    if (current == null) {
      current = adapterFor(stored());
    }
    return current;
  }

  private DirectRestAdapter adapterFor(ConnectionSettings settings) {
    ConnectorSpec applied = settings.apply(connector.spec());
    return adapters.apply(
        applied == connector.spec()
            ? connector
            : new RegisteredConnector(applied, connector.compiledMappers(), connector.file()));
  }

  private ConnectionSettings stored() {
    return ConnectionSettings.read(store().get(connector.name()));
  }

  private ConnectionSettingsStore store() {
    return new ConnectionSettingsStore(pocket);
  }

  @Override
  public ConnectorSpec spec() {
    return current().spec();
  }

  /**
   * Checks the given settings, connects, infers the columns of streams that map none from their
   * first page, and connects again with them (which creates their tables); the settings are stored
   * once all of that succeeded.
   */
  @Override
  public CompletionStage<ConnectionResult> connect(ConnectOptions options) {
    ConnectionSettings settings;
    DirectRestAdapter first;
    try {
      ConnectionSettings before = stored();
      Map<String, Object> params = new LinkedHashMap<>(before.params());
      params.putAll(SyncParams.check(connector.spec(), options.params()));
      boolean newEndpoint = !options.endpoint().isEmpty();
      settings =
          new ConnectionSettings(
              params,
              newEndpoint ? options.endpoint() : before.endpoint(),
              newEndpoint ? Map.of() : before.columns());
      first = adapterFor(settings);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    ConnectionSettings given = settings;
    return first
        .connect(options)
        .thenCompose(
            result -> {
              Map<String, List<?>> inferred = inferColumns(first, given);
              if (inferred.isEmpty()) {
                return finish(first, given, result);
              }
              ConnectionSettings withColumns = given.withColumns(inferred);
              DirectRestAdapter next = adapterFor(withColumns);
              // the first connect checked the credentials; this one only creates the inferred
              // tables
              return next.connect(options.withoutCredentialCheck())
                  .thenCompose(r -> finish(next, withColumns, checkedBy(result, r)));
            });
  }

  private static ConnectionResult checkedBy(ConnectionResult checked, ConnectionResult result) {
    return new ConnectionResult(
        result.pocket(),
        result.connector(),
        result.tables(),
        result.connectedAt(),
        checked.credentialsChecked(),
        checked.credentialCheck());
  }

  private CompletionStage<ConnectionResult> finish(
      DirectRestAdapter adapter, ConnectionSettings settings, ConnectionResult result) {
    store().put(connector.name(), settings.toStored());
    synchronized (this) {
      current = adapter;
    }
    return CompletableFuture.completedFuture(result);
  }

  /**
   * The columns of each stream that maps none but can read its source: from the records of the
   * source's first page, fetched through {@code adapter} (trust-checked and audited like any call).
   */
  private static Map<String, List<?>> inferColumns(
      DirectRestAdapter adapter, ConnectionSettings settings) {
    Map<String, List<?>> columns = new LinkedHashMap<>(settings.columns());
    boolean inferred = false;
    ConnectorSpec spec = adapter.spec();
    for (StreamSpec stream : spec.streams()) {
      if (!stream.columns().isEmpty() || stream.source() == null) {
        continue;
      }
      ActionSpec source = spec.action(stream.source()).orElseThrow();
      String what =
          "sync stream '"
              + stream.table()
              + "' ("
              + stream.location()
              + ") reads '"
              + source.name()
              + "'";
      ActionResult page =
          adapter.execute(source.name(), stream.params()).toCompletableFuture().join();
      String records = stream.records() != null ? stream.records() : source.records();
      List<Map<String, Object>> found =
          ColumnInference.infer(ColumnInference.records(page.json(), records, what), what);
      boolean keyed =
          !stream.primaryKey().isEmpty()
              || found.stream().anyMatch(c -> "id".equals(c.get("name")));
      if (!keyed && stream.writeMode() != WriteMode.APPEND) {
        throw new IllegalArgumentException(
            what
                + ": its records have no 'id' field to key the table by (add `primary_key:` and a"
                + " mapping to the stream)");
      }
      columns.put(stream.table(), found);
      inferred = true;
    }
    return inferred ? columns : Map.of();
  }

  @Override
  public CompletionStage<Void> disconnect() {
    return disconnect(false);
  }

  @Override
  public CompletionStage<Void> disconnect(boolean dropData) {
    return current()
        .disconnect(dropData)
        .thenApply(
            done -> {
              store().put(connector.name(), Map.of());
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
  public <R> CompletionStage<TypedResult.Page<R>> executePaged(
      String action, Map<String, ?> params, String records, RowMapper<R> mapper) {
    return current().executePaged(action, params, records, mapper);
  }

  @Override
  public CompletionStage<SyncResult> sync(String table) {
    return current().sync(table);
  }

  @Override
  public CompletionStage<SyncResult> sync(String table, SyncOptions options) {
    return current().sync(table, options);
  }

  @Override
  public CompletionStage<List<SyncResult>> syncAll() {
    return current().syncAll();
  }

  @Override
  public CompletionStage<List<SyncResult>> syncAll(SyncOptions options) {
    return current().syncAll(options);
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
