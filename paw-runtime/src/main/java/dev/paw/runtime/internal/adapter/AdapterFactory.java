package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.internal.audit.AuditWriter;
import dev.paw.runtime.internal.credentials.MasterKey;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.internal.sync.SyncEngine;
import dev.paw.runtime.internal.trust.TrustGate;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.AdminApprover;
import dev.paw.runtime.trust.Approver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Wires the runtime's shared pieces (trust gate, sync engine, base HTTP client, local actions,
 * worker threads, audit key) into adapters: one {@link DirectRestAdapter} per pocket and connector,
 * kept for the runtime's life.
 */
public final class AdapterFactory implements AutoCloseable {

  private final TrustGate trust;
  private final SyncEngine engine;
  private final RuntimeSettings settings;
  private final LocalAdapters localActions;

  /**
   * The base HTTP client, made on first use: a local action or a read of a pocket never loads
   * OkHttp.
   */
  private final Supplier<OkHttpClient> http;

  /** The host's client, or {@code null} when this factory makes (and closes) its own. */
  private final OkHttpClient given;

  /** The client this factory made, once made; {@link #close()} releases it. */
  private OkHttpClient owned;

  private boolean closed;

  private final ExecutorService executor;
  private final String actor;
  private final Supplier<MasterKey> masterKey;
  private final Map<String, ConnectorProtocol> adapters = new ConcurrentHashMap<>();

  /**
   * @param localActions runs connectors' {@code LOCAL} actions: the host's, then the adapters
   *     registered through ServiceLoader (the file connector, {@code csv}, among them)
   * @param httpClient the base HTTP client, which {@link #close()} leaves alone, or {@code null}
   *     for one of this factory's own ({@link HttpClients#newClient()}), which it closes
   * @param actor who the audit trail names as acting, or {@code null} for the operating-system user
   * @param masterKey keys the audit chain, asked for when first needed
   */
  public AdapterFactory(
      RuntimeSettings settings,
      Approver approver,
      AdminApprover adminApprover,
      SyncListener listener,
      LocalAdapters localActions,
      OkHttpClient httpClient,
      String actor,
      Supplier<MasterKey> masterKey) {
    this.trust = new TrustGate(approver, adminApprover);
    this.settings = settings;
    this.engine =
        new SyncEngine(
            listener,
            settings.clock(),
            settings.sleeper(),
            RuntimeSettingsInternals.sync(settings.limits()));
    // imports report their progress to the same listener as syncs
    this.localActions = localActions.reportingTo(listener);
    this.given = httpClient;
    this.http = httpClient != null ? () -> httpClient : this::ownClient;
    this.actor = actor;
    this.masterKey = masterKey;
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "paw-worker");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The adapter of {@code connector} in {@code pocket}, made on first use. */
  public ConnectorProtocol adapter(
      Pocket pocket, RegisteredConnector connector, ScopedCredentials credentials) {
    String name = connector.spec().name();
    return adapters.computeIfAbsent(
        pocket.slug() + "/" + name,
        key ->
            new ConfiguredAdapter(
                pocket,
                connector,
                configured ->
                    new DirectRestAdapter(
                        pocket,
                        configured,
                        credentials,
                        trust,
                        auditWriter(pocket),
                        engine,
                        http,
                        settings,
                        localActions.open(connector.spec(), credentials),
                        executor)));
  }

  private synchronized OkHttpClient ownClient() {
    if (closed) {
      throw new IllegalStateException("this paw is closed");
    }
    if (owned == null) {
      owned = HttpClients.newClient();
    }
    return owned;
  }

  /** The base HTTP client every connection derives its own from. */
  public OkHttpClient httpClient() {
    return http.get();
  }

  /** Who runs each connector's {@code LOCAL} actions. */
  public LocalAdapters localActions() {
    return localActions;
  }

  public RuntimeSettings settings() {
    return settings;
  }

  /** Appends to the pocket's trail as this runtime's actor, keyed under the master key. */
  private AuditWriter auditWriter(Pocket pocket) {
    return actor == null
        ? new AuditWriter(pocket, masterKey.get())
        : new AuditWriter(pocket, masterKey.get(), settings.clock(), actor);
  }

  /**
   * Stops the worker threads and, when this factory made the HTTP client, that client's dispatcher
   * and pooled connections (a host's client stays as it was).
   */
  @Override
  public void close() {
    executor.shutdown();
    localActions.close();
    OkHttpClient client;
    synchronized (this) {
      closed = true;
      client = owned;
    }
    if (client != null && given == null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
      if (client.cache() != null) {
        try {
          client.cache().close();
        } catch (java.io.IOException e) {
          // nothing is left to release
        }
      }
    }
  }
}
