package dev.paw.runtime;

import java.time.Instant;
import java.util.List;

/** The outcome of {@link ConnectorProtocol#connect()}. */
public record ConnectionResult(String pocket, String connector, boolean connected, List<String> tables,
    Instant connectedAt, String message) {

  public ConnectionResult {
    tables = List.copyOf(tables);
  }
}
