package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncFailedException;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.internal.audit.AuditEvent;
import dev.paw.runtime.internal.pocket.PocketConnections;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.internal.pocket.SyncLock;
import dev.paw.runtime.internal.sync.RunOptions;
import dev.paw.runtime.internal.sync.SyncEngine;
import dev.paw.runtime.internal.sync.SyncJob;
import dev.paw.runtime.internal.trust.TrustDecision;
import dev.paw.runtime.internal.trust.TrustGate;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.runtime.trust.ConnectorChangedException;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TrustLevel;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one table's sync for the adapter: checks the connection and its pin, clears every action the
 * sync will call with the trust gate, claims the table (in this JVM and across processes), runs the
 * sync engine and audits the run.
 */
final class TableSync {

  /**
   * One lock per pocket and table in this JVM: two syncs of one table never run at once (the second
   * waits). Across processes the pocket's {@link SyncLock} keeps them apart (the second is told the
   * table is busy).
   */
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

  private final Pocket pocket;
  private final RegisteredConnector connector;
  private final ConnectorSpec spec;
  private final TrustGate trust;
  private final SyncEngine engine;
  private final RuntimeSettings settings;
  private final PinnedConnection connection;
  private final LazyHttp http;
  private final ActionRunner actions;
  private final AdapterAudit audit;

  TableSync(
      Pocket pocket,
      RegisteredConnector connector,
      TrustGate trust,
      SyncEngine engine,
      RuntimeSettings settings,
      PinnedConnection connection,
      LazyHttp http,
      ActionRunner actions,
      AdapterAudit audit) {
    this.pocket = pocket;
    this.connector = connector;
    this.spec = connector.spec();
    this.trust = trust;
    this.engine = engine;
    this.settings = settings;
    this.connection = connection;
    this.http = http;
    this.actions = actions;
    this.audit = audit;
  }

  /**
   * The result of a run that succeeded; a {@link SyncFailedException} for every failure, whose
   * cause is the exception that stopped the sync before it ran, if one did.
   */
  SyncResult succeeded(String table, Redaction redaction) {
    return succeeded(table, redaction, RunOptions.DEFAULTS);
  }

  /** {@link #succeeded(String, Redaction)} run as {@code options} say (in full, or reset). */
  SyncResult succeeded(String table, Redaction redaction, RunOptions options) {
    Instant started = settings.clock().instant();
    SyncResult result;
    try {
      result = sync(table, redaction, options);
    } catch (RuntimeException e) {
      throw new SyncFailedException(SyncResult.failed(table, since(started), e.getMessage()), e);
    }
    if (result.failed()) {
      throw new SyncFailedException(result);
    }
    return result;
  }

  private SyncResult sync(String table, Redaction redaction, RunOptions options) {
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
    connection.requireConnected();
    Instant started = settings.clock().instant();
    try {
      connection.approvedPin();
    } catch (ConnectorChangedException e) {
      audit.record(
          AuditEvent.sync(spec.name(), table, AuditOutcome.REFUSED, e.getMessage(), Duration.ZERO),
          redaction.current());
      throw e;
    }
    Set<String> cleared = clearForSync(stream, table, started, redaction);
    SyncResult result;
    synchronized (LOCKS.computeIfAbsent(pocket.slug() + "/" + table, k -> new Object())) {
      try (SyncLock claim = SyncLock.tryAcquire(pocket, table).orElse(null)) {
        if (claim == null) {
          // another process is syncing this table: running alongside it would repeat its requests
          // and interleave its checkpoints; say so at once rather than wait an unknown time
          String busy = "busy: " + table + " is being synced by another process";
          audit.record(
              AuditEvent.sync(spec.name(), table, AuditOutcome.ERROR, busy, Duration.ZERO),
              redaction.current());
          return SyncResult.failed(table, since(started), busy);
        }
        result = run(stream, cleared, redaction, started, options);
      } catch (IOException e) {
        result =
            SyncResult.failed(
                table,
                since(started),
                "cannot claim table " + table + " for syncing: " + e.getMessage());
      }
    }
    return audited(table, result, redaction, options);
  }

  private SyncResult run(
      StreamSpec stream,
      Set<String> cleared,
      Redaction redaction,
      Instant started,
      RunOptions options) {
    String table = stream.table();
    try (Connection db = PocketDatabase.open(pocket)) {
      ConnectionHttp connectionHttp = http.get();
      return engine.run(
          new SyncJob<>(
              pocket.slug(),
              spec,
              stream,
              connector.mapper(stream),
              db,
              connectionHttp.client(),
              (action, params) -> {
                if (!cleared.contains(action.name())) { // every request passed the gate above
                  throw new IllegalStateException(
                      "the sync of "
                          + table
                          + " asked for '"
                          + action.name()
                          + "', which the trust gate did not clear for it");
                }
                return connectionHttp.requests().create(action, params);
              },
              error -> redaction.refreshed().redact(error)),
          options);
    } catch (SQLException e) {
      return SyncResult.failed(table, since(started), "cannot open pocket.db: " + e.getMessage());
    }
  }

  /** Audits a finished run, and records a failure on the connection too. */
  private SyncResult audited(
      String table, SyncResult result, Redaction redaction, RunOptions options) {
    String error = result.error() == null ? null : redaction.refreshed().redact(result.error());
    Map<String, Object> asked = new java.util.LinkedHashMap<>();
    if (options.full()) {
      asked.put("full", true);
    }
    if (options.reset()) {
      asked.put("reset", true);
    }
    audit.record(
        AuditEvent.sync(
            spec.name(),
            table,
            asked,
            error == null ? AuditOutcome.OK : AuditOutcome.ERROR,
            error,
            result.duration()),
        redaction.current());
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
  private Set<String> clearForSync(
      StreamSpec stream, String table, Instant started, Redaction redaction) {
    Set<String> cleared = new HashSet<>();
    ActionSpec source = spec.action(stream.source()).orElseThrow();
    ActionSpec child =
        stream.each() == null ? null : spec.action(stream.each().action()).orElseThrow();
    ActionSpec asking = source;
    try {
      if (source.trustLevel() != TrustLevel.AUTO) {
        trust.enforce(actions.approval(source, stream.params(), redaction.current()));
      }
      cleared.add(source.name());
      for (String feedAction : feedActions(stream)) {
        ActionSpec feed = spec.action(feedAction).orElseThrow();
        if (feed.trustLevel() != TrustLevel.AUTO) {
          trust.enforce(actions.approval(feed, Map.of(), redaction.current()));
        }
        cleared.add(feed.name());
      }
      if (child != null) {
        asking = child;
        trust.enforceForEveryRecord(
            actions.approval(child, stream.each().params(), redaction.current()));
        cleared.add(child.name());
      }
      return cleared;
    } catch (ActionRefusedException e) {
      if (asking == child) {
        TrustDecision denied =
            new TrustDecision(child.trustLevel(), TrustDecision.Outcome.DENIED, e.reason());
        audit.action(
            child,
            stream.each().params(),
            denied,
            AuditOutcome.REFUSED,
            e.getMessage(),
            started,
            redaction.current());
      }
      audit.record(
          AuditEvent.sync(spec.name(), table, AuditOutcome.REFUSED, e.getMessage(), Duration.ZERO),
          redaction.current());
      throw e;
    }
  }

  /** The actions of the stream's change feed: the feed and the one giving its start position. */
  private static List<String> feedActions(StreamSpec stream) {
    if (stream.changes() == null) {
      return List.of();
    }
    return stream.changes().startAction() == null
        ? List.of(stream.changes().source())
        : List.of(stream.changes().source(), stream.changes().startAction());
  }

  private String runnable() {
    List<String> tables =
        spec.streams().stream().filter(StreamSpec::isRunnable).map(StreamSpec::table).toList();
    return tables.isEmpty() ? " (it syncs none)" : " (it syncs " + String.join(", ", tables) + ")";
  }

  private Duration since(Instant started) {
    return Duration.between(started, settings.clock().instant());
  }
}
