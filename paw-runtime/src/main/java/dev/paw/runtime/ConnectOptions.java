package dev.paw.runtime;

/**
 * How to connect a connector to a pocket.
 *
 * @param baseUrl replaces the connector's scheme, host and base path for this connection (a test
 *     server, a proxy, a regional or enterprise endpoint such as GitHub Enterprise); {@code null}
 *     for the connector's own
 */
public record ConnectOptions(String baseUrl) {

  public static final ConnectOptions DEFAULTS = new ConnectOptions(null);

  public static ConnectOptions baseUrl(String url) {
    return new ConnectOptions(url);
  }
}
