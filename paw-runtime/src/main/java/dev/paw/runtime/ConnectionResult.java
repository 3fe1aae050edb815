package dev.paw.runtime;

import java.time.Instant;
import java.util.List;

/**
 * A connection made by {@link ConnectorProtocol#connect()}. There is only a result when the
 * connection was made: a failure completes the stage exceptionally instead.
 *
 * @param tables the tables the connector syncs, created in the pocket
 */
public record ConnectionResult(
    String pocket, String connector, List<String> tables, Instant connectedAt) {

  public ConnectionResult {
    tables = List.copyOf(tables);
  }
}
