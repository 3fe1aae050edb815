package dev.paw.runtime;

import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.AdminApprover;
import dev.paw.runtime.trust.Approver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** Configures a {@link Paw}. Every setting has a default that suits a person at a terminal. */
public final class PawBuilder {
  PawHome home;
  Map<String, String> environment = System.getenv();
  CredentialStore credentials;
  List<Path> folders;
  ClassLoader classLoader = Paw.class.getClassLoader();
  boolean allowShadowing;
  List<RegisteredConnector> connectors;
  Approver approver = Approver.DENY;
  AdminApprover adminApprover = AdminApprover.DENY;
  SyncListener listener = SyncListener.NONE;
  RuntimeSettings settings = RuntimeSettings.defaults();

  /**
   * The host's local actions, by connector; they win over a {@link LocalActions.Adapter} of the
   * same connector found through {@link java.util.ServiceLoader}.
   */
  final Map<String, LocalActions> localActions = new HashMap<>();

  RuntimeLimits limits;
  String actor;
  OkHttpClient httpClient;

  PawBuilder() {}

  /**
   * Where pockets, credentials and user connectors live; default {@code $PAW_HOME}, else {@code
   * ~/.paw}.
   */
  public PawBuilder home(PawHome value) {
    this.home = Objects.requireNonNull(value);
    return this;
  }

  /**
   * The environment credentials and the master key are read from; default the process environment.
   * The master key, which encrypts stored credentials and keys the audit chain, is its {@code
   * PAW_MASTER_KEY} (the key or a passphrase), else the one kept in the home directory.
   */
  public PawBuilder environment(Map<String, String> value) {
    this.environment = Map.copyOf(value);
    return this;
  }

  /**
   * Where credentials are kept; default the environment over the encrypted file under the home
   * directory.
   */
  public PawBuilder credentials(CredentialStore value) {
    this.credentials = value;
    return this;
  }

  /**
   * Connector folders, searched in order; default {@code ./connectors}, then {@code
   * $PAW_HOME/connectors}.
   */
  public PawBuilder connectorFolders(List<Path> value) {
    this.folders = List.copyOf(value);
    return this;
  }

  /**
   * Whether a connector file may replace a built-in (compiled) connector of the same name; default
   * no, because the file would inherit the connections, stored credentials and approvals of the
   * built-in. When allowed, {@link Paw#connectorNotes()} says so.
   */
  public PawBuilder allowShadowing(boolean value) {
    this.allowShadowing = value;
    return this;
  }

  /**
   * Exactly these connectors (made in code), instead of discovering compiled connectors and
   * connector files.
   */
  public PawBuilder connectors(List<RegisteredConnector> value) {
    this.connectors = List.copyOf(value);
    return this;
  }

  /**
   * Where compiled connectors and local adapters ({@link LocalActions.Adapter}) are looked up;
   * default the class loader that loaded paw (whose adapters are always found).
   */
  public PawBuilder classLoader(ClassLoader value) {
    this.classLoader = value;
    return this;
  }

  /** Approves {@code confirm} actions, one call at a time; default: deny. */
  public PawBuilder approver(Approver value) {
    this.approver = Objects.requireNonNull(value);
    return this;
  }

  /** Approves {@code restricted} actions as an administrator; default: deny. */
  public PawBuilder adminApprover(AdminApprover value) {
    this.adminApprover = Objects.requireNonNull(value);
    return this;
  }

  /** Told what each sync commit changed. */
  public PawBuilder listener(SyncListener value) {
    this.listener = Objects.requireNonNull(value);
    return this;
  }

  /** Retries, rate limits, clock. */
  public PawBuilder settings(RuntimeSettings value) {
    this.settings = Objects.requireNonNull(value);
    return this;
  }

  /**
   * How much a server may make the runtime read, wait for and fetch, and how long a {@code
   * query_table} may run; default {@link RuntimeLimits#defaults()} (or the limits of {@link
   * #settings}). The CLI reads them from {@code PAW_MAX_ACTION_BYTES} and the other variables of
   * {@link RuntimeLimits#fromEnvironment}.
   */
  public PawBuilder limits(RuntimeLimits value) {
    this.limits = Objects.requireNonNull(value);
    return this;
  }

  /**
   * Runs a connector's {@code LOCAL} actions, instead of the {@link LocalActions.Adapter}
   * registered for it through {@link java.util.ServiceLoader} (the file connector, {@code csv}, and
   * PostgreSQL's are, when on the class path).
   */
  public PawBuilder localActions(String connector, LocalActions value) {
    this.localActions.put(connector, value);
    return this;
  }

  /**
   * The HTTP client every connection derives its own from (its connection pool, dispatcher,
   * timeouts, event listener); default a client of the runtime's own, which {@link Paw#close()}
   * shuts down. An application that manages its own pool or needs other timeouts passes one here
   * (and shuts it down itself: {@link Paw#close()} leaves it open), e.g. {@code new
   * OkHttpClient.Builder().readTimeout(...).build()}. Its call timeout is replaced by {@link
   * RuntimeLimits#callTimeout()} (set that with {@link #limits}).
   */
  public PawBuilder httpClient(OkHttpClient value) {
    this.httpClient = Objects.requireNonNull(value);
    return this;
  }

  /** Who the audit trail names as acting; default the operating-system user. */
  public PawBuilder actor(String value) {
    this.actor = value;
    return this;
  }

  public Paw build() {
    if (home == null) {
      home = PawHome.fromEnvironment(environment, System.getProperty("user.home"));
    }
    return new Paw(this);
  }

  List<Path> folders() {
    if (folders != null) {
      return folders;
    }
    List<Path> defaults = new ArrayList<>();
    defaults.add(Path.of("connectors"));
    defaults.add(home.connectorsDirectory());
    return defaults;
  }
}
