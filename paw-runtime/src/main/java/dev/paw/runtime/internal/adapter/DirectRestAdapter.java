package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectOptions;
import dev.paw.runtime.ConnectionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.HealthStatus;
import dev.paw.runtime.ConnectorProtocol.RowReader;
import dev.paw.runtime.ConnectorProtocol.TableSchema;
import dev.paw.runtime.LocalActions;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.credentials.MissingCredentialException;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.internal.audit.AuditEvent;
import dev.paw.runtime.internal.audit.AuditWriter;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.http.BodyLimit;
import dev.paw.runtime.internal.http.ParameterChecker;
import dev.paw.runtime.internal.http.ResponseLimitException;
import dev.paw.runtime.internal.mapping.ResultSetRow;
import dev.paw.runtime.internal.pocket.PocketConnections;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.internal.pocket.SyncLock;
import dev.paw.runtime.internal.sync.SyncEngine;
import dev.paw.runtime.internal.sync.SyncJob;
import dev.paw.runtime.internal.trust.ConnectorPin;
import dev.paw.runtime.internal.trust.TrustDecision;
import dev.paw.runtime.internal.trust.TrustGate;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.runtime.trust.ApprovalRequest;
import dev.paw.runtime.trust.ConnectorChangedException;
import dev.paw.runtime.trust.PinChange;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TableDdl;
import dev.paw.spec.TrustLevel;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The DirectREST adapter: runs one connector for one pocket over HTTP, the same way whether the
 * connector was compiled or loaded from YAML. Every call is checked before anything is sent
 * (parameters, then the trust gate), and every call, refused or not, is written to the pocket's
 * audit trail.
 */
public final class DirectRestAdapter implements ConnectorProtocol {

  private static final int ERROR_BODY_CHARS = 500;
  private static final Map<String, Object> SYNC_LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Pocket pocket;
  private final RegisteredConnector connector;
  private final ConnectorSpec spec;
  private final ScopedCredentials credentials;
  private final TrustGate trust;
  private final AuditWriter audit;
  private final SyncEngine engine;
  private final Supplier<OkHttpClient> shared;
  private final RuntimeSettings settings;
  private final LocalActions local;
  private final Executor executor;
  private volatile ConnectionHttp http;

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
    this.trust = trust;
    this.audit = audit;
    this.engine = engine;
    this.shared = shared;
    this.settings = settings;
    this.local = local;
    this.executor = executor;
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
          try {
            List<String> missing = missingCredentials();
            if (!missing.isEmpty()) {
              throw new MissingCredentialException(
                  missing.get(0),
                  spec.name(),
                  "connector '"
                      + spec.name()
                      + "' in pocket '"
                      + pocket.name()
                      + "'"
                      + (missing.size() == 1
                          ? ""
                          : " (also missing: '"
                              + String.join("', '", missing.subList(1, missing.size()))
                              + "')"));
            }
            List<String> tables = createTables();
            // connecting is the approval: what the definition allows now is what later runs are
            // held to
            ConnectorPin pin = ConnectorPin.of(connector, credentials, options.baseUrl());
            ConnectionRecord record =
                new PocketConnections(pocket)
                    .connected(spec.name(), options.baseUrl(), pin.encode());
            http = null;
            record(AuditEvent.connection(spec.name(), AuditKind.CONNECT, AuditOutcome.OK, null));
            return new ConnectionResult(pocket.name(), spec.name(), tables, record.connectedAt());
          } catch (RuntimeException | SQLException e) {
            record(
                AuditEvent.connection(
                    spec.name(), AuditKind.CONNECT, AuditOutcome.ERROR, e.getMessage()));
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

  private List<String> createTables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection db = PocketDatabase.open(pocket);
        Statement statement = db.createStatement()) {
      for (StreamSpec stream : spec.streams()) {
        if (stream.isRunnable()) {
          statement.execute(TableDdl.of(stream));
          tables.add(stream.table());
        }
      }
    }
    return tables;
  }

  @Override
  public CompletionStage<Void> disconnect() {
    return async(
        () -> {
          try {
            new PocketConnections(pocket).disconnected(spec.name());
            credentials.deleteAll();
            http = null;
            record(AuditEvent.connection(spec.name(), AuditKind.DISCONNECT, AuditOutcome.OK, null));
            return null;
          } catch (RuntimeException | SQLException e) {
            record(
                AuditEvent.connection(
                    spec.name(), AuditKind.DISCONNECT, AuditOutcome.ERROR, e.getMessage()));
            throw wrap(e);
          }
        });
  }

  @Override
  public CompletionStage<ActionResult> execute(String actionName, Map<String, ?> params) {
    return async(() -> run(actionName, params));
  }

  private ActionResult run(String actionName, Map<String, ?> params) {
    ActionSpec action =
        spec.action(actionName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '"
                            + spec.name()
                            + "' has no action '"
                            + actionName
                            + "' (it has: "
                            + spec.actions().stream()
                                .map(ActionSpec::name)
                                .collect(Collectors.joining(", "))
                            + ")"));
    Instant started = settings.clock().instant();
    TrustDecision decision = null;
    try {
      approvedPin();
      if (action.method() == HttpMethod.LOCAL) {
        Map<String, Object> values = ParameterChecker.checked(action, params);
        decision = trust.enforce(approval(action, values));
        ActionResult result = runLocal(action, values);
        auditAction(action, values, decision, AuditOutcome.OK, null, started);
        return result;
      }
      Request request = http().requests().create(action, params);
      decision = trust.enforce(approval(action, params));
      ActionResult result = send(action, request, started);
      auditAction(action, params, decision, AuditOutcome.OK, null, started);
      return result;
    } catch (ActionRefusedException e) {
      TrustDecision denied =
          new TrustDecision(action.trustLevel(), TrustDecision.Outcome.DENIED, e.reason());
      auditAction(action, params, denied, AuditOutcome.REFUSED, e.getMessage(), started);
      throw e;
    } catch (ConnectorChangedException e) {
      auditAction(action, params, null, AuditOutcome.REFUSED, e.getMessage(), started);
      throw e;
    } catch (RuntimeException e) {
      auditAction(action, params, decision, AuditOutcome.ERROR, e.getMessage(), started);
      throw e;
    }
  }

  private ApprovalRequest approval(ActionSpec action, Map<String, ?> params) {
    return ApprovalRequest.of(
        pocket.slug(),
        spec.name(),
        action.name(),
        action.description(),
        action.trustLevel(),
        params,
        redactor());
  }

  private ActionResult runLocal(ActionSpec action, Map<String, Object> values) {
    if (local == null) {
      throw new UnsupportedOperationException(
          "action '"
              + action.name()
              + "' of connector '"
              + spec.name()
              + "' is LOCAL, and paw has no local implementation of it");
    }
    try {
      return local.run(action, values, pocket);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private ActionResult send(ActionSpec action, Request unlimited, Instant started) {
    Request request =
        unlimited.newBuilder().tag(BodyLimit.class, settings.limits().actionBody()).build();
    OkHttpClient client = http().client();
    try (Response response = client.newCall(request).execute()) {
      byte[] body = response.body().bytes();
      Duration duration = Duration.between(started, settings.clock().instant());
      if (!response.isSuccessful()) {
        String text =
            new String(
                    body,
                    0,
                    Math.min(body.length, ERROR_BODY_CHARS * 4),
                    java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() > ERROR_BODY_CHARS) {
          text = text.substring(0, ERROR_BODY_CHARS) + "...";
        }
        throw new ActionFailedException(
            action.name(),
            response.code(),
            redactor()
                .redact(
                    "action '"
                        + action.name()
                        + "' of connector '"
                        + spec.name()
                        + "' failed: "
                        + request.method()
                        + " "
                        + request.url().host()
                        + request.url().encodedPath()
                        + " answered "
                        + response.code()
                        + ": "
                        + text));
      }
      String contentType = response.header("Content-Type", "application/octet-stream");
      return new ActionResult(action.name(), response.code(), contentType, body, duration);
    } catch (IOException e) {
      IOException explained =
          ResponseLimitException.explained(e, Duration.ofMillis(client.callTimeoutMillis()));
      throw new ActionFailedException(
          action.name(),
          0,
          redactor()
              .redact(
                  "action '"
                      + action.name()
                      + "' of connector '"
                      + spec.name()
                      + "' failed: "
                      + explained.getMessage()));
    }
  }

  @Override
  public CompletionStage<SyncResult> sync(String table) {
    return async(() -> syncNow(table));
  }

  @Override
  public CompletionStage<List<SyncResult>> syncAll() {
    return async(
        () -> {
          List<SyncResult> results = new ArrayList<>();
          for (StreamSpec stream : spec.streams()) {
            if (stream.isRunnable()) {
              results.add(syncNow(stream.table()));
            }
          }
          return results;
        });
  }

  private SyncResult syncNow(String table) {
    StreamSpec stream =
        spec.stream(table)
            .filter(StreamSpec::isRunnable)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '"
                            + spec.name()
                            + "' syncs no table '"
                            + table
                            + "'"
                            + runnable()));
    requireConnected();
    Instant started = settings.clock().instant();
    try {
      approvedPin();
    } catch (ConnectorChangedException e) {
      record(
          AuditEvent.sync(spec.name(), table, AuditOutcome.REFUSED, e.getMessage(), Duration.ZERO));
      throw e;
    }
    java.util.Set<String> cleared = clearForSync(stream, table, started);
    SyncResult result;
    synchronized (lockFor(pocket, table)) {
      try (SyncLock claim = SyncLock.tryAcquire(pocket, table).orElse(null)) {
        if (claim == null) {
          // another process is syncing this table: running alongside it would repeat its requests
          // and interleave
          // its checkpoints; say so at once rather than wait an unknown time
          String busy = "busy: " + table + " is being synced by another process";
          record(AuditEvent.sync(spec.name(), table, AuditOutcome.ERROR, busy, Duration.ZERO));
          return SyncResult.failed(
              table, Duration.between(started, settings.clock().instant()), busy);
        }
        try (Connection db = PocketDatabase.open(pocket)) {
          ConnectionHttp connection = http();
          result =
              engine.run(
                  new SyncJob<>(
                      pocket.slug(),
                      spec,
                      stream,
                      connector.mapper(stream),
                      db,
                      connection.client(),
                      (action, params) -> {
                        if (!cleared.contains(
                            action.name())) { // every request of a sync passed the gate above
                          throw new IllegalStateException(
                              "the sync of "
                                  + table
                                  + " asked for '"
                                  + action.name()
                                  + "', which the trust gate did not clear for it");
                        }
                        return connection.requests().create(action, params);
                      },
                      redactor()::redact));
        } catch (SQLException e) {
          result =
              SyncResult.failed(
                  table,
                  Duration.between(started, settings.clock().instant()),
                  "cannot open pocket.db: " + e.getMessage());
        }
      } catch (IOException e) {
        result =
            SyncResult.failed(
                table,
                Duration.between(started, settings.clock().instant()),
                "cannot claim table " + table + " for syncing: " + e.getMessage());
      }
    }
    String error = result.error() == null ? null : redactor().redact(result.error());
    record(
        AuditEvent.sync(
            spec.name(),
            table,
            error == null ? AuditOutcome.OK : AuditOutcome.ERROR,
            error,
            result.duration()));
    if (error != null) {
      try {
        new PocketConnections(pocket).failed(spec.name(), error);
      } catch (SQLException ignored) {
        // the sync result carries the error already
      }
      return result.withError(error);
    }
    return result;
  }

  /**
   * Asks the trust gate about every action the sync will call before it sends anything: its source
   * (paging included) once for the run, as a {@code paw run} of it would be, and its {@code each}
   * action, which must be {@code auto} (older or compiled specs were not checked for that when
   * built). A refusal is audited and thrown.
   *
   * @return the names of the actions the sync may call
   */
  private java.util.Set<String> clearForSync(StreamSpec stream, String table, Instant started) {
    java.util.Set<String> cleared = new java.util.HashSet<>();
    ActionSpec source = spec.action(stream.source()).orElseThrow();
    ActionSpec child =
        stream.each() == null ? null : spec.action(stream.each().action()).orElseThrow();
    ActionSpec asking = source;
    try {
      if (source.trustLevel() != TrustLevel.AUTO) {
        trust.enforce(approval(source, stream.params()));
      }
      cleared.add(source.name());
      if (child != null) {
        asking = child;
        trust.enforceForEveryRecord(approval(child, stream.each().params()));
        cleared.add(child.name());
      }
      return cleared;
    } catch (ActionRefusedException e) {
      if (asking == child) {
        TrustDecision denied =
            new TrustDecision(child.trustLevel(), TrustDecision.Outcome.DENIED, e.reason());
        auditAction(
            child, stream.each().params(), denied, AuditOutcome.REFUSED, e.getMessage(), started);
      }
      record(
          AuditEvent.sync(spec.name(), table, AuditOutcome.REFUSED, e.getMessage(), Duration.ZERO));
      throw e;
    }
  }

  private String runnable() {
    List<String> tables =
        spec.streams().stream().filter(StreamSpec::isRunnable).map(StreamSpec::table).toList();
    return tables.isEmpty() ? " (it syncs none)" : " (it syncs " + String.join(", ", tables) + ")";
  }

  /**
   * One lock per pocket and table in this JVM: two syncs of one table never run at once (the second
   * waits). Across processes the pocket's {@link SyncLock} keeps them apart (the second is told the
   * table is busy).
   */
  private static Object lockFor(Pocket pocket, String table) {
    return SYNC_LOCKS.computeIfAbsent(pocket.slug() + "/" + table, k -> new Object());
  }

  private void requireConnected() {
    try {
      ConnectionRecord record = new PocketConnections(pocket).get(spec.name()).orElse(null);
      if (record == null || record.state() == ConnectionRecord.State.DISCONNECTED) {
        throw new IllegalStateException(
            "connector '"
                + spec.name()
                + "' is not connected to pocket '"
                + pocket.name()
                + "'; connect it first");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the connections of pocket '" + pocket.name() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public <R> List<R> rows(String table, RowReader<R> reader) {
    StreamSpec stream =
        spec.stream(table)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '" + spec.name() + "' syncs no table '" + table + "'"));
    String columns =
        stream.columns().stream()
            .map(ColumnSpec::name)
            .map(SqlNames::quote)
            .collect(Collectors.joining(", "));
    String order =
        stream.primaryKey().isEmpty()
            ? "rowid"
            : stream.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    List<R> rows = new ArrayList<>();
    try (Connection db = PocketDatabase.open(pocket);
        Statement statement = db.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT "
                    + columns
                    + " FROM "
                    + SqlNames.quote(stream.table())
                    + " ORDER BY "
                    + order)) {
      ResultSetRow row = new ResultSetRow(rs);
      while (rs.next()) {
        rows.add(reader.read(row));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read table " + stream.table() + ": " + e.getMessage(), e);
    }
    return rows;
  }

  @Override
  public List<TableSchema> schema() {
    return spec.streams().stream()
        .filter(StreamSpec::isRunnable)
        .map(
            stream ->
                new TableSchema(
                    stream.table(),
                    TableDdl.of(stream),
                    stream.columns().stream()
                        .map(c -> new TableSchema.Column(c.name(), c.type().sqlType(), c.from()))
                        .toList(),
                    stream.primaryKey()))
        .toList();
  }

  @Override
  public CompletionStage<HealthStatus> health() {
    return async(
        () -> {
          ActionSpec probe =
              spec.actions().stream()
                  .filter(
                      a ->
                          a.method() == HttpMethod.GET
                              && a.url() != null
                              && a.trustLevel() == TrustLevel.AUTO)
                  .filter(
                      a ->
                          a.allParams().stream()
                              .allMatch(
                                  p ->
                                      !p.required()
                                          || p.defaultValue() != null
                                          || declaresCredential(p.name())
                                              && credentials.get(p.name()).isPresent()))
                  .findFirst()
                  .orElse(null);
          if (probe == null) {
            return new HealthStatus(
                false, 0, Duration.ZERO, "no action can be called without parameters to check");
          }
          Instant started = settings.clock().instant();
          try {
            ActionResult result = run(probe.name(), Map.of());
            return new HealthStatus(
                true,
                result.status(),
                result.duration(),
                "'" + probe.name() + "' answered " + result.status());
          } catch (ActionFailedException e) {
            return new HealthStatus(
                false,
                e.status(),
                Duration.between(started, settings.clock().instant()),
                e.getMessage());
          }
        });
  }

  private boolean declaresCredential(String name) {
    return spec.auth().credential(name).isPresent();
  }

  /**
   * What the user approved for this connection, or a {@link ConnectorChangedException} when the
   * definition now gives the connector more (a lower trust level, a new action below restricted, a
   * new host or credential). A connector that is not connected is held to its definition as it is;
   * one connected before paw pinned connections is pinned now, once, and told so.
   */
  public ConnectorPin approvedPin() {
    try {
      ConnectionRecord record = new PocketConnections(pocket).get(spec.name()).orElse(null);
      String override = record == null ? null : record.baseUrlOverride();
      ConnectorPin now = ConnectorPin.of(connector, credentials, override);
      if (record == null || record.state() == ConnectionRecord.State.DISCONNECTED) {
        return now;
      }
      if (record.pin() == null) {
        new PocketConnections(pocket).pinned(spec.name(), now.encode());
        System.getLogger(DirectRestAdapter.class.getName())
            .log(
                System.Logger.Level.WARNING,
                "connector '"
                    + spec.name()
                    + "' in pocket '"
                    + pocket.name()
                    + "' was connected before paw pinned connections;"
                    + " pinned its current hosts and trust levels now (see docs/security.md)");
        return now;
      }
      ConnectorPin pinned = ConnectorPin.decode(record.pin());
      List<PinChange> changes = pinned.changesTo(now);
      if (changes.stream().anyMatch(PinChange::loosens)) {
        throw new ConnectorChangedException(spec.name(), pocket.name(), changes);
      }
      return pinned;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the connection of '" + spec.name() + "': " + e.getMessage(), e);
    }
  }

  /**
   * What changed since the user connected this connector; empty when nothing did or it has no pin.
   */
  public List<PinChange> pinChanges() {
    try {
      ConnectionRecord record = new PocketConnections(pocket).get(spec.name()).orElse(null);
      if (record == null || record.pin() == null) {
        return List.of();
      }
      return ConnectorPin.decode(record.pin())
          .changesTo(ConnectorPin.of(connector, credentials, record.baseUrlOverride()));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the connection of '" + spec.name() + "': " + e.getMessage(), e);
    }
  }

  /** The connection's HTTP side, built on first use and again after (re)connecting. */
  private ConnectionHttp http() {
    ConnectionHttp current = http;
    if (current == null) {
      synchronized (this) {
        if (http == null) {
          String baseUrl;
          try {
            baseUrl =
                new PocketConnections(pocket)
                    .get(spec.name())
                    .map(ConnectionRecord::baseUrlOverride)
                    .orElse(null);
          } catch (SQLException e) {
            throw new IllegalStateException(
                "cannot read the connection of '" + spec.name() + "': " + e.getMessage(), e);
          }
          ConnectorPin pin = approvedPin();
          http =
              new ConnectionHttp(spec, credentials, shared.get(), baseUrl, pin::allows, settings);
        }
        current = http;
      }
    }
    return current;
  }

  private Redactor redactor() {
    return ConnectionHttp.redactor(spec, credentials);
  }

  private void auditAction(
      ActionSpec action,
      Map<String, ?> params,
      TrustDecision decision,
      AuditOutcome outcome,
      String error,
      Instant started) {
    record(
        AuditEvent.action(
            spec.name(),
            action.name(),
            params,
            decision,
            outcome,
            error == null ? null : redactor().redact(error),
            Duration.between(started, settings.clock().instant())));
  }

  private void record(AuditEvent event) {
    try {
      audit.append(event, redactor());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot write the audit trail of pocket '" + pocket.name() + "': " + e.getMessage(), e);
    }
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
