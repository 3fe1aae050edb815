package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.ConnectorProtocol.ConnectionResult;
import dev.paw.runtime.ConnectorProtocol.RowReader;
import dev.paw.runtime.LocalActions;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.TypedResult.Page;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.credentials.MissingCredentialException;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.internal.audit.AuditEvent;
import dev.paw.runtime.internal.audit.AuditWriter;
import dev.paw.runtime.internal.pocket.PocketConnections;
import dev.paw.runtime.internal.pocket.PocketInternals;
import dev.paw.runtime.internal.sync.ActionPaging;
import dev.paw.runtime.internal.sync.RunOptions;
import dev.paw.runtime.internal.sync.SyncEngine;
import dev.paw.runtime.internal.sync.SyncedData;
import dev.paw.runtime.internal.trust.ConnectorPin;
import dev.paw.runtime.internal.trust.TrustGate;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.ConnectorChangedException;
import dev.paw.runtime.trust.PinChange;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The DirectREST adapter: runs one connector for one pocket over HTTP, the same way whether the
 * connector was compiled or loaded from YAML. Every call is checked before anything is sent
 * (parameters, then the trust gate), and every call, refused or not, is written to the pocket's
 * audit trail. It connects and disconnects itself; actions, syncs and table reads are each their
 * own class ({@link ActionRunner}, {@link TableSync}, {@link ConnectorTables}, {@link
 * HealthProbe}).
 */
public final class DirectRestAdapter implements ConnectorProtocol {

  private final Pocket pocket;
  private final RegisteredConnector connector;
  private final ConnectorSpec spec;
  private final ScopedCredentials credentials;
  private final Executor executor;
  private final PinnedConnection connection;
  private final LazyHttp http;
  private final AdapterAudit audit;
  private final ConnectorTables tables;
  private final ActionRunner actions;
  private final TableSync syncs;
  private final HealthProbe health;
  private final PagedActions paged;

  /**
   * @param shared the base HTTP client, asked for when the connection first sends a request
   * @param local runs the connector's {@code LOCAL} actions, or {@code null} when paw has no
   *     implementation of them
   */
  public DirectRestAdapter(
      Pocket pocket,
      RegisteredConnector connector,
      ScopedCredentials credentials,
      TrustGate trust,
      AuditWriter audit,
      SyncEngine engine,
      Supplier<OkHttpClient> shared,
      RuntimeSettings settings,
      LocalActions local,
      Executor executor) {
    this.pocket = pocket;
    this.connector = connector;
    this.spec = connector.spec();
    this.credentials = credentials;
    this.executor = executor;
    this.connection = new PinnedConnection(pocket, connector, credentials);
    this.http =
        new LazyHttp(
            spec,
            credentials,
            shared,
            settings,
            connection,
            PocketInternals.get().database(pocket).toAbsolutePath().normalize()
                + "#"
                + spec.name());
    this.audit = new AdapterAudit(pocket, spec.name(), audit, settings);
    this.tables = new ConnectorTables(pocket, spec);
    this.actions =
        new ActionRunner(
            pocket,
            spec,
            trust,
            settings,
            connection,
            http,
            new LocalDispatch(spec.name(), pocket, local),
            this.audit);
    this.syncs =
        new TableSync(
            pocket, connector, trust, engine, settings, connection, http, actions, this.audit);
    this.health = new HealthProbe(spec, credentials, settings, actions);
    this.paged = new PagedActions(spec, actions, settings);
  }

  @Override
  public ConnectorSpec spec() {
    return spec;
  }

  public Pocket pocket() {
    return pocket;
  }

  @Override
  public CompletionStage<ConnectionResult> connect(ConnectOptions options) {
    return async(
        () -> {
          Redaction redaction = redaction();
          try {
            List<String> missing = missingCredentials();
            if (!missing.isEmpty()) {
              throw new MissingCredentialException(
                  missing,
                  spec.name(),
                  "connector '" + spec.name() + "' in pocket '" + pocket.name() + "'");
            }
            List<String> created = tables.create();
            // connecting is the approval: what the definition allows now is what later runs are
            // held to
            ConnectorPin pin = ConnectorPin.of(connector, credentials::get, options.baseUrl());
            ConnectionRecord record =
                new PocketConnections(pocket)
                    .connected(spec.name(), options.baseUrl(), pin.encode());
            http.reset();
            CredentialCheck.Outcome check =
                new CredentialCheck(spec, health).run(options.checkCredentials(), redaction);
            if (check.refused() != null) {
              new PocketConnections(pocket).disconnected(spec.name());
              http.reset();
              throw check.refused();
            }
            audit.record(
                AuditEvent.connection(spec.name(), AuditKind.CONNECT, AuditOutcome.OK, null),
                redaction.current());
            return new ConnectionResult(
                pocket.name(),
                spec.name(),
                created,
                record.connectedAt(),
                check.accepted(),
                check.text());
          } catch (RuntimeException | SQLException e) {
            audit.record(
                AuditEvent.connection(
                    spec.name(), AuditKind.CONNECT, AuditOutcome.ERROR, e.getMessage()),
                redaction.current());
            throw wrap(e);
          }
        });
  }

  /** Required credentials the store (or the environment) does not hold. */
  private List<String> missingCredentials() {
    return spec.auth().credentials().stream()
        .filter(c -> c.required() && credentials.get(c.name()).isEmpty())
        .map(c -> c.name())
        .toList();
  }

  @Override
  public CompletionStage<Void> disconnect() {
    return disconnect(false);
  }

  @Override
  public CompletionStage<Void> disconnect(boolean dropData) {
    return async(
        () -> {
          Redaction redaction = redaction();
          try {
            new PocketConnections(pocket).disconnected(spec.name());
            credentials.deleteAll();
            http.reset();
            if (dropData) {
              try (java.sql.Connection db =
                  dev.paw.runtime.internal.pocket.PocketDatabase.open(pocket)) {
                SyncedData.drop(db, spec);
              }
            }
            AuditEvent event =
                AuditEvent.connection(spec.name(), AuditKind.DISCONNECT, AuditOutcome.OK, null);
            audit.record(
                dropData ? event.withParameters(Map.of("drop_data", true)) : event,
                redaction.current());
            return null;
          } catch (RuntimeException | SQLException e) {
            audit.record(
                AuditEvent.connection(
                    spec.name(), AuditKind.DISCONNECT, AuditOutcome.ERROR, e.getMessage()),
                redaction.current());
            throw wrap(e);
          }
        });
  }

  @Override
  public CompletionStage<ActionResult> execute(String actionName, Map<String, ?> params) {
    return async(() -> actions.run(actionName, params, redaction()));
  }

  @Override
  public <R> CompletionStage<Page<R>> executePaged(
      String actionName, Map<String, ?> params, String records, RowMapper<R> mapper) {
    return async(
        () ->
            paged
                .listing(actionName, params, records, mapper, this::async, this::redaction)
                .page(ActionPaging.first(), 1));
  }

  @Override
  public CompletionStage<SyncResult> sync(String table) {
    return async(() -> syncs.succeeded(table, redaction()));
  }

  @Override
  public CompletionStage<SyncResult> sync(String table, SyncOptions options) {
    RunOptions run = new RunOptions(options.full(), options.reset());
    return async(() -> syncs.succeeded(table, redaction(), run));
  }

  @Override
  public CompletionStage<List<SyncResult>> syncAll() {
    return syncAll(SyncOptions.DEFAULTS);
  }

  @Override
  public CompletionStage<List<SyncResult>> syncAll(SyncOptions options) {
    RunOptions run = new RunOptions(options.full(), options.reset());
    return async(
        () -> {
          List<SyncResult> results = new ArrayList<>();
          for (StreamSpec stream : spec.streams()) {
            if (stream.isRunnable()) {
              results.add(syncs.succeeded(stream.table(), redaction(), run));
            }
          }
          return results;
        });
  }

  @Override
  public <R> List<R> rows(String table, RowReader<R> reader) {
    return tables.rows(table, reader);
  }

  @Override
  public List<TableSchema> schema() {
    return tables.schema();
  }

  @Override
  public CompletionStage<HealthStatus> health() {
    return async(() -> health.check(redaction()));
  }

  /**
   * What the user approved for this connection, or a {@link ConnectorChangedException} when the
   * definition now gives the connector more; see {@link PinnedConnection#approvedPin}.
   */
  public ConnectorPin approvedPin() {
    return connection.approvedPin();
  }

  /**
   * What changed since the user connected this connector; empty when nothing did or it has no pin.
   */
  public List<PinChange> pinChanges() {
    return connection.changes();
  }

  private Redaction redaction() {
    return new Redaction(spec, credentials);
  }

  private <T> CompletableFuture<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor);
  }

  private static RuntimeException wrap(Exception e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
  }

  @Override
  public String toString() {
    return "DirectRestAdapter{" + spec.name() + " in " + pocket + "}";
  }
}
