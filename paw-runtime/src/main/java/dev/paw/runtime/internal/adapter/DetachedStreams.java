package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.mapping.SpecRowMapper;
import dev.paw.runtime.internal.pocket.PocketInternals;
import dev.paw.runtime.internal.sync.PageReader;
import dev.paw.runtime.internal.sync.SyncJob;
import dev.paw.runtime.internal.sync.SyncLimits;
import dev.paw.runtime.internal.trust.ConnectorPin;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TrustLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * A connector's streams read outside any pocket, with credentials the host holds (the Kafka Connect
 * source task's configuration): the same HTTP side as a connection (auth, retries and Retry-After,
 * the rate limit, response limits, redacted logging) and the sync engine's paging, but no pocket,
 * no approver and no audit trail. Therefore only {@code auto} actions may feed a stream here; a
 * stream whose source or per-record action needs approval or is restricted is refused. Internal,
 * for paw's own modules.
 */
public final class DetachedStreams {

  private final RegisteredConnector connector;
  private final ConnectionHttp http;
  private final Redactor redactor;
  private final RuntimeSettings settings;

  /**
   * @param credentials the connector's credential values by name
   * @param baseUrl the API's base URL in place of the file's, or {@code null}
   * @param shared the client whose pool and dispatcher the streams share
   */
  public DetachedStreams(
      RegisteredConnector connector,
      Map<String, String> credentials,
      String baseUrl,
      OkHttpClient shared,
      RuntimeSettings settings) {
    this.connector = connector;
    this.settings = settings;
    ConnectorSpec spec = connector.spec();
    Pocket nowhere =
        PocketInternals.get()
            .newPocket("detached", "detached", Path.of("."), Path.of("."), settings.clock());
    ScopedCredentials scoped =
        new InMemoryCredentialStore().scoped(CredentialScope.of(nowhere, spec.name()));
    credentials.forEach((name, value) -> scoped.put(name, Secret.of(value)));
    // credentials go only to the hosts the definition names, as a connection's pin allows
    ConnectorPin pin = ConnectorPin.of(connector, scoped::get, baseUrl);
    // the file's rate limits are shared by every detached reader of the same service in this
    // process
    String rateLimitKey = "detached:" + spec.name() + ":" + baseUrl;
    this.http =
        new ConnectionHttp(spec, scoped, shared, baseUrl, pin::allows, settings, rateLimitKey);
    this.redactor = ConnectionHttp.redactor(spec, scoped);
  }

  /**
   * Why the stream cannot be read here: a stream the connector does not sync, or one that would
   * call an action that is not {@code auto}; empty when it can.
   */
  public static Optional<String> refusal(ConnectorSpec spec, String table) {
    Optional<StreamSpec> stream = spec.stream(table).filter(StreamSpec::isRunnable);
    if (stream.isEmpty()) {
      return Optional.of("connector '" + spec.name() + "' syncs no table '" + table + "'");
    }
    List<String> actions = new ArrayList<>();
    actions.add(stream.get().source());
    if (stream.get().each() != null) {
      actions.add(stream.get().each().action());
    }
    for (String name : actions) {
      ActionSpec action = spec.action(name).orElseThrow();
      if (action.trustLevel() != TrustLevel.AUTO) {
        return Optional.of(
            "stream '"
                + table
                + "' calls '"
                + name
                + "', whose trust level is "
                + action.trustLevel().name().toLowerCase(Locale.ROOT)
                + "; only auto actions may feed a stream outside a pocket");
      }
    }
    return Optional.empty();
  }

  /**
   * A reader of the stream that syncs {@code table}, whose rows are the column values in column
   * order (read as the file says, whether or not the connector is compiled); refused as {@link
   * #refusal} says.
   */
  public PageReader<Object[]> reader(String table) {
    refusal(connector.spec(), table)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
    StreamSpec stream = connector.spec().stream(table).orElseThrow();
    SyncJob<Object[]> job =
        new SyncJob<>(
            "detached",
            connector.spec(),
            stream,
            new SpecRowMapper(connector.spec(), stream),
            null,
            http.client(),
            (action, params) -> http.requests().create(action, params),
            redactor::redact);
    return new PageReader<>(job, settings.clock(), settings.sleeper(), SyncLimits.DEFAULTS);
  }

  /** {@code text} with every credential value masked. */
  public String redact(String text) {
    return redactor.redact(text);
  }
}
