package dev.paw.runtime.pocket;

import java.time.Instant;
import java.util.Locale;

/**
 * One row of {@code _paw_connections}: a connector's connection to a pocket.
 *
 * @param baseUrlOverride replaces the connector's scheme, host and base path for this pocket (a
 *     test server, a proxy, GitHub Enterprise), or {@code null}
 * @param connectedAt when the connector was last connected, or {@code null}
 * @param lastError the last failure, already redacted by the caller, or {@code null}
 * @param pin what the user approved when connecting (see {@code ConnectorPin}), or {@code null} for
 *     a connection made before paw pinned connections
 */
public record ConnectionRecord(
    String connector,
    State state,
    String baseUrlOverride,
    Instant connectedAt,
    Instant updatedAt,
    String lastError,
    String pin) {

  /** The states a connection is in. */
  public enum State {
    CONNECTED,
    DISCONNECTED,
    ERROR;

    /** The spelling stored in {@code _paw_connections} ({@code connected}). */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a stored spelling. */
    public static State parse(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }
}
