package dev.paw.runtime;

import dev.paw.runtime.audit.AuditLog;
import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.internal.adapter.DirectRestAdapter;
import dev.paw.runtime.internal.audit.AuditWriter;
import dev.paw.runtime.internal.credentials.LayeredCredentialStore;
import dev.paw.runtime.internal.credentials.MasterKey;
import dev.paw.runtime.internal.files.FileActions;
import dev.paw.runtime.internal.files.FileConnector;
import dev.paw.runtime.internal.files.ImportLimits;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.internal.pocket.Pockets;
import dev.paw.runtime.internal.registry.ConnectorRegistry;
import dev.paw.runtime.internal.sync.SyncEngine;
import dev.paw.runtime.internal.trust.TrustGate;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.AdminApprover;
import dev.paw.runtime.trust.Approver;
import dev.paw.spec.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The paw runtime: pockets under a home directory, the connectors it can run, and one adapter per
 * pocket and connector. Start here:
 *
 * <pre>{@code
 * try (Paw paw = Paw.builder().approver(request -> askTheUser(request)).build()) {
 *   Pocket pocket = paw.pocket("My Business");
 *   ConnectorProtocol stripe = paw.connector(pocket, "stripe");
 *   stripe.connect().toCompletableFuture().join();
 *   stripe.sync("stripe_invoices").toCompletableFuture().join();
 * }
 * }</pre>
 */
public final class Paw implements AutoCloseable {

  private final PawHome home;
  private final Pockets pockets;
  private final ConnectorRegistry registry;
  private final CredentialStore credentials;
  private final TrustGate trust;
  private final SyncEngine engine;
  private final RuntimeSettings settings;
  private final Map<String, LocalActions> localActions;

  /**
   * The base HTTP client, made on first use: a local action or a read of a pocket never loads
   * OkHttp.
   */
  private final Supplier<OkHttpClient> http;

  private final ExecutorService executor;
  private final String actor;
  private final Map<String, ConnectorProtocol> adapters = new ConcurrentHashMap<>();

  /** Resolved once, when first needed: a passphrase costs PBKDF2's 600,000 rounds. */
  private final Supplier<MasterKey> masterKey;

  private Paw(Builder b) {
    this.home = b.home;
    this.pockets = new Pockets(home, b.settings.clock());
    this.registry =
        b.connectors != null
            ? ConnectorRegistry.of(b.connectors)
            : ConnectorRegistry.discover(b.folders(), b.classLoader, b.allowShadowing);
    Map<String, String> environment = b.environment;
    MasterKey givenKey = b.masterKey;
    this.masterKey =
        givenKey != null ? () -> givenKey : memoize(() -> MasterKey.resolve(home, environment));
    this.credentials =
        b.credentials != null
            ? b.credentials
            : LayeredCredentialStore.standard(home, environment, masterKey.get());
    this.trust = new TrustGate(b.approver, b.adminApprover);
    this.settings = b.limits == null ? b.settings : b.settings.withLimits(b.limits);
    this.engine =
        new SyncEngine(b.listener, settings.clock(), settings.sleeper(), settings.limits().sync());
    Map<String, LocalActions> local = new HashMap<>(b.localActions);
    local.putIfAbsent(
        FileConnector.NAME,
        new FileConnector(
            new FileActions(
                ImportLimits.DEFAULTS,
                java.time.Clock.systemUTC(),
                settings.limits().queryTimeout())));
    this.localActions = Map.copyOf(local);
    OkHttpClient given = b.httpClient;
    this.http = given != null ? () -> given : HttpClients::shared;
    this.actor = b.actor;
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "paw-worker");
              thread.setDaemon(true);
              return thread;
            });
  }

  public static Builder builder() {
    return new Builder();
  }

  public PawHome home() {
    return home;
  }

  /** Every connector this runtime can run, compiled or from a YAML file, sorted by name. */
  public Collection<RegisteredConnector> connectors() {
    return registry.all();
  }

  /** The connector of that name, if there is one. */
  public Optional<RegisteredConnector> findConnector(String name) {
    return registry.find(name);
  }

  /** The connector of that name, or an exception that lists the known names. */
  public RegisteredConnector requireConnector(String name) {
    return registry.require(name);
  }

  /** Why connector files were skipped: the errors of files that could not be loaded. */
  public List<Diagnostic> connectorProblems() {
    return registry.problems();
  }

  /**
   * What a user should be told about where connectors come from: connector files not used because
   * they would shadow a built-in connector, and, with {@link Builder#allowShadowing}, files that do
   * shadow one.
   */
  public List<String> connectorNotes() {
    return registry.notes();
  }

  public CredentialStore credentials() {
    return credentials;
  }

  /** The credentials of one connector in one pocket. */
  public ScopedCredentials credentials(Pocket pocket, String connector) {
    return credentials.scoped(CredentialScope.of(pocket, connector));
  }

  /** The pocket of that name, created when it does not exist. */
  public Pocket pocket(String name) {
    try {
      return pockets.open(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open pocket '" + name + "': " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open pocket '" + name + "': " + e.getMessage(), e);
    }
  }

  /** The pocket of that name, if it exists; never creates one. */
  public Optional<Pocket> findPocket(String name) {
    try {
      return pockets.find(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Every pocket under the home directory. */
  public List<Pocket> pockets() {
    try {
      return pockets.list();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The pocket's audit trail, to read and verify; its chain is keyed under the master key. */
  public AuditLog audit(Pocket pocket) {
    return new AuditLog(pocket, masterKey.get());
  }

  /** Appends to the pocket's trail as this runtime's actor, keyed under the master key. */
  private AuditWriter auditWriter(Pocket pocket) {
    return actor == null
        ? new AuditWriter(pocket, masterKey.get())
        : new AuditWriter(pocket, masterKey.get(), settings.clock(), actor);
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  /**
   * The connector of that name bound to {@code pocket}: one adapter per pocket and connector,
   * whether the connector was compiled or loaded from YAML.
   */
  public ConnectorProtocol connector(Pocket pocket, String name) {
    RegisteredConnector connector = registry.require(name);
    return adapters.computeIfAbsent(
        pocket.slug() + "/" + name,
        key ->
            new DirectRestAdapter(
                pocket,
                connector,
                credentials(pocket, name),
                trust,
                auditWriter(pocket),
                engine,
                http,
                settings,
                localActions.get(name),
                executor));
  }

  /**
   * What changed in a connector's definition since it was connected to {@code pocket} (hosts, trust
   * levels, credentials), for a review; empty when nothing did. Connecting it again ({@link
   * ConnectorProtocol#connect}) approves the definition as it is now.
   */
  public List<dev.paw.runtime.trust.PinChange> pinChanges(Pocket pocket, String name) {
    ConnectorProtocol adapter = connector(pocket, name);
    return adapter instanceof DirectRestAdapter direct ? direct.pinChanges() : List.of();
  }

  @Override
  public void close() {
    executor.shutdown();
  }

  /** Configures a {@link Paw}. Every setting has a default that suits a person at a terminal. */
  public static final class Builder {
    private PawHome home;
    private Map<String, String> environment = System.getenv();
    private CredentialStore credentials;
    private List<Path> folders;
    private ClassLoader classLoader = Paw.class.getClassLoader();
    private boolean allowShadowing;
    private List<RegisteredConnector> connectors;
    private Approver approver = Approver.DENY;
    private AdminApprover adminApprover = AdminApprover.DENY;
    private SyncListener listener = SyncListener.NONE;
    private RuntimeSettings settings = RuntimeSettings.defaults();

    /**
     * The file connector ({@code csv}) is added at build time, with the query time limit, unless
     * given here.
     */
    private final Map<String, LocalActions> localActions = new HashMap<>();

    private RuntimeLimits limits;
    private String actor;
    private OkHttpClient httpClient;
    private MasterKey masterKey;

    private Builder() {}

    /**
     * Where pockets, credentials and user connectors live; default {@code $PAW_HOME}, else {@code
     * ~/.paw}.
     */
    public Builder home(PawHome value) {
      this.home = Objects.requireNonNull(value);
      return this;
    }

    /**
     * The environment credentials and the master key are read from; default the process
     * environment.
     */
    public Builder environment(Map<String, String> value) {
      this.environment = Map.copyOf(value);
      return this;
    }

    /**
     * The key that encrypts stored credentials and keys the audit chain; default resolved from the
     * environment and the home directory ({@link MasterKey#resolve}).
     */
    public Builder masterKey(MasterKey value) {
      this.masterKey = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Where credentials are kept; default the environment over the encrypted file under the home
     * directory.
     */
    public Builder credentials(CredentialStore value) {
      this.credentials = value;
      return this;
    }

    /**
     * Connector folders, searched in order; default {@code ./connectors}, then {@code
     * $PAW_HOME/connectors}.
     */
    public Builder connectorFolders(List<Path> value) {
      this.folders = List.copyOf(value);
      return this;
    }

    /**
     * Whether a connector file may replace a built-in (compiled) connector of the same name;
     * default no, because the file would inherit the connections, stored credentials and approvals
     * of the built-in. When allowed, {@link Paw#connectorNotes()} says so.
     */
    public Builder allowShadowing(boolean value) {
      this.allowShadowing = value;
      return this;
    }

    /**
     * Exactly these connectors (made in code), instead of discovering compiled connectors and
     * connector files.
     */
    public Builder connectors(List<RegisteredConnector> value) {
      this.connectors = List.copyOf(value);
      return this;
    }

    /** Where compiled connectors are looked up; default the class loader that loaded paw. */
    public Builder classLoader(ClassLoader value) {
      this.classLoader = value;
      return this;
    }

    /** Approves {@code confirm} actions, one call at a time; default: deny. */
    public Builder approver(Approver value) {
      this.approver = Objects.requireNonNull(value);
      return this;
    }

    /** Approves {@code restricted} actions as an administrator; default: deny. */
    public Builder adminApprover(AdminApprover value) {
      this.adminApprover = Objects.requireNonNull(value);
      return this;
    }

    /** Told what each sync commit changed. */
    public Builder listener(SyncListener value) {
      this.listener = Objects.requireNonNull(value);
      return this;
    }

    /** Retries, rate limits, clock. */
    public Builder settings(RuntimeSettings value) {
      this.settings = Objects.requireNonNull(value);
      return this;
    }

    /**
     * How much a server may make the runtime read, wait for and fetch, and how long a {@code
     * query_table} may run; default {@link RuntimeLimits#defaults()} (or the limits of {@link
     * #settings}). The CLI reads them from {@code PAW_MAX_ACTION_BYTES} and the other variables of
     * {@link RuntimeLimits#fromEnvironment}.
     */
    public Builder limits(RuntimeLimits value) {
      this.limits = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Runs a connector's {@code LOCAL} actions; the file connector ({@code csv}) is there by
     * default.
     */
    public Builder localActions(String connector, LocalActions value) {
      this.localActions.put(connector, value);
      return this;
    }

    /**
     * The HTTP client every connection derives its own from (its connection pool, dispatcher,
     * timeouts, event listener); default {@link HttpClients#shared()}. An application that manages
     * its own pool or needs other timeouts passes one here, e.g. {@code
     * HttpClients.newClient().newBuilder().readTimeout(...).build()}. Its call timeout is replaced
     * by {@link RuntimeLimits#callTimeout()} (set that with {@link #limits}).
     */
    public Builder httpClient(OkHttpClient value) {
      this.httpClient = Objects.requireNonNull(value);
      return this;
    }

    /** Who the audit trail names as acting; default the operating-system user. */
    public Builder actor(String value) {
      this.actor = value;
      return this;
    }

    public Paw build() {
      if (home == null) {
        home = PawHome.fromEnvironment(environment, System.getProperty("user.home"));
      }
      return new Paw(this);
    }

    private List<Path> folders() {
      if (folders != null) {
        return folders;
      }
      List<Path> defaults = new ArrayList<>();
      defaults.add(Path.of("connectors"));
      defaults.add(home.connectorsDirectory());
      return defaults;
    }
  }
}
