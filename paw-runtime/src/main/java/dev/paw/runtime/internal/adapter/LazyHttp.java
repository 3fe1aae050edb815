package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.spec.ConnectorSpec;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The connection's HTTP side, built on first use (a connection that only reads its rows never needs
 * a client) and again after (re)connecting, which may change its base URL and pin.
 */
final class LazyHttp {

  private final ConnectorSpec spec;
  private final ScopedCredentials credentials;
  private final Supplier<OkHttpClient> shared;
  private final RuntimeSettings settings;
  private final PinnedConnection connection;
  private final String connectionId;
  private volatile ConnectionHttp http;

  LazyHttp(
      ConnectorSpec spec,
      ScopedCredentials credentials,
      Supplier<OkHttpClient> shared,
      RuntimeSettings settings,
      PinnedConnection connection,
      String connectionId) {
    this.spec = spec;
    this.credentials = credentials;
    this.shared = shared;
    this.settings = settings;
    this.connection = connection;
    this.connectionId = connectionId;
  }

  ConnectionHttp get() {
    ConnectionHttp current = http;
    if (current == null) {
      synchronized (this) {
        if (http == null) {
          String baseUrl = connection.baseUrlOverride();
          http =
              new ConnectionHttp(
                  spec,
                  credentials,
                  shared.get(),
                  baseUrl,
                  connection.approvedPin()::allows,
                  settings,
                  connectionId);
        }
        current = http;
      }
    }
    return current;
  }

  /** Forgets the HTTP side: the next request builds it from the connection as it is then. */
  void reset() {
    http = null;
  }
}
