package dev.paw.runtime;

import dev.paw.runtime.audit.AuditLog;
import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.internal.adapter.AdapterFactory;
import dev.paw.runtime.internal.adapter.DirectRestAdapter;
import dev.paw.runtime.internal.adapter.LocalAdapters;
import dev.paw.runtime.internal.audit.AuditLogs;
import dev.paw.runtime.internal.credentials.LayeredCredentialStore;
import dev.paw.runtime.internal.credentials.MasterKey;
import dev.paw.runtime.internal.http.OAuth2Authorization;
import dev.paw.runtime.internal.pocket.Pockets;
import dev.paw.runtime.internal.registry.ConnectorRegistry;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.PinChange;
import dev.paw.spec.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
  private final AdapterFactory adapters;

  /** Resolved once, when first needed: a passphrase costs PBKDF2's 600,000 rounds. */
  private final Supplier<MasterKey> masterKey;

  Paw(PawBuilder b) {
    this.home = b.home;
    this.pockets = new Pockets(home, b.settings.clock());
    this.registry =
        b.connectors != null
            ? ConnectorRegistry.of(b.connectors)
            : ConnectorRegistry.discover(b.folders(), b.classLoader, b.allowShadowing);
    Map<String, String> environment = b.environment;
    this.masterKey = memoize(() -> MasterKey.resolve(home, environment));
    this.credentials =
        b.credentials != null
            ? b.credentials
            : LayeredCredentialStore.standard(home, environment, masterKey.get());
    RuntimeSettings settings = b.limits == null ? b.settings : b.settings.withLimits(b.limits);
    this.adapters =
        new AdapterFactory(
            settings,
            b.approver,
            b.adminApprover,
            b.listener,
            LocalAdapters.discover(b.localActions, b.classLoader, settings.limits()),
            b.httpClient,
            b.actor,
            masterKey);
  }

  public static PawBuilder builder() {
    return new PawBuilder();
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
   * they would shadow a built-in connector, and, with {@link PawBuilder#allowShadowing}, files that
   * do shadow one.
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
    return AuditLogs.open(pocket, masterKey.get());
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
    return adapters.adapter(pocket, registry.require(name), credentials(pocket, name));
  }

  /**
   * One line saying which local adapter the connector lacks and what installing one takes, when it
   * declares {@code LOCAL} actions and no {@link LocalActions} runs them (neither the host's nor a
   * {@link LocalActions.Adapter} found through {@link java.util.ServiceLoader}); empty when nothing
   * is missing.
   */
  public Optional<String> missingLocalAdapter(String connector) {
    return adapters.localActions().missing(requireConnector(connector).spec());
  }

  /**
   * What changed in a connector's definition since it was connected to {@code pocket} (hosts, trust
   * levels, credentials), for a review; empty when nothing did. Connecting it again ({@link
   * ConnectorProtocol#connect}) approves the definition as it is now.
   */
  public List<PinChange> pinChanges(Pocket pocket, String name) {
    ConnectorProtocol adapter = connector(pocket, name);
    return adapter instanceof DirectRestAdapter direct ? direct.pinChanges() : List.of();
  }

  /**
   * The browser step of connecting an OAuth 2 connector that uses the authorization-code grant: for
   * a host that shows the person a URL and waits for the browser to come back. {@link
   * OAuthAuthorization#needed()} says whether the connector has no refresh token yet.
   *
   * @throws IllegalArgumentException when the connector does not use that grant
   */
  public OAuthAuthorization oauthAuthorization(Pocket pocket, String connector) {
    return new OAuth2Authorization(
        requireConnector(connector).spec(),
        credentials(pocket, connector),
        adapters.httpClient(),
        adapters.settings().clock());
  }

  /**
   * An OAuth 2 authorization by a person at a browser (PKCE and a loopback redirect): paw listens
   * on {@code 127.0.0.1}, the person approves access at the authorization URL, and paw exchanges
   * the code and stores the tokens, encrypted, with the connection's credentials.
   */
  public interface OAuthAuthorization {

    /** True when the connector needs a person to authorize it (it has no refresh token yet). */
    boolean needed();

    /** Starts listening for the redirect; show {@link Pending#authorizationUrl()} to the person. */
    Pending begin() throws IOException;

    /** One authorization in progress; closing it stops listening. */
    interface Pending extends AutoCloseable {

      /** Where the person approves access. */
      String authorizationUrl() throws IOException;

      /** Where the browser comes back to. */
      String redirectUri();

      /** Waits for the browser, checks it, exchanges the code and stores the tokens. */
      Grant await(Duration timeout) throws IOException, InterruptedException;

      @Override
      void close();
    }

    /** What the authorization granted. */
    record Grant(boolean refreshToken, Instant expiresAt, String scope) {}
  }

  /**
   * Releases the threads and connections this runtime started: its worker threads and, unless the
   * host gave its own with {@link PawBuilder#httpClient}, its HTTP client's dispatcher and pooled
   * connections. Calls still running are left to finish.
   */
  @Override
  public void close() {
    adapters.close();
  }
}
