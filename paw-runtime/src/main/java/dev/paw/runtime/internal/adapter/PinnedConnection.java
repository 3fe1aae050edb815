package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.internal.pocket.PocketConnections;
import dev.paw.runtime.internal.trust.ConnectorPin;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.runtime.trust.ConnectorChangedException;
import dev.paw.runtime.trust.PinChange;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The connector's connection record in its pocket, as the adapter checks it: whether it is
 * connected, its base URL, and the pin that holds later runs to what the user approved.
 */
final class PinnedConnection {

  private final Pocket pocket;
  private final RegisteredConnector connector;
  private final ScopedCredentials credentials;
  private final String name;

  PinnedConnection(Pocket pocket, RegisteredConnector connector, ScopedCredentials credentials) {
    this.pocket = pocket;
    this.connector = connector;
    this.credentials = credentials;
    this.name = connector.spec().name();
  }

  void requireConnected() {
    try {
      ConnectionRecord record = new PocketConnections(pocket).get(name).orElse(null);
      if (record == null || record.state() == ConnectionRecord.State.DISCONNECTED) {
        throw new IllegalStateException(
            "connector '"
                + name
                + "' is not connected to pocket '"
                + pocket.name()
                + "'; connect it first");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the connections of pocket '" + pocket.name() + "': " + e.getMessage(), e);
    }
  }

  /** The base URL the user connected with instead of the connector's own, or {@code null}. */
  String baseUrlOverride() {
    return record().map(ConnectionRecord::baseUrlOverride).orElse(null);
  }

  /**
   * What the user approved for this connection, or a {@link ConnectorChangedException} when the
   * definition now gives the connector more (a lower trust level, a new action below restricted, a
   * new host or credential). A connector that is not connected is held to its definition as it is;
   * one connected before paw pinned connections is pinned now, once, and told so.
   */
  ConnectorPin approvedPin() {
    try {
      ConnectionRecord record = new PocketConnections(pocket).get(name).orElse(null);
      String override = record == null ? null : record.baseUrlOverride();
      ConnectorPin now = ConnectorPin.of(connector, credentials::get, override);
      if (record == null || record.state() == ConnectionRecord.State.DISCONNECTED) {
        return now;
      }
      if (record.pin() == null) {
        new PocketConnections(pocket).pinned(name, now.encode());
        System.getLogger(DirectRestAdapter.class.getName())
            .log(
                System.Logger.Level.WARNING,
                "connector '"
                    + name
                    + "' in pocket '"
                    + pocket.name()
                    + "' was connected before paw pinned connections;"
                    + " pinned its current hosts and trust levels now (see docs/security.md)");
        return now;
      }
      ConnectorPin pinned = ConnectorPin.decode(record.pin());
      List<PinChange> changes = pinned.changesTo(now);
      if (changes.stream().anyMatch(PinChange::loosens)) {
        throw new ConnectorChangedException(name, pocket.name(), changes);
      }
      return pinned;
    } catch (SQLException e) {
      throw cannotRead(e);
    }
  }

  /**
   * What changed since the user connected this connector; empty when nothing did or it has no pin.
   */
  List<PinChange> changes() {
    ConnectionRecord record = record().orElse(null);
    if (record == null || record.pin() == null) {
      return List.of();
    }
    return ConnectorPin.decode(record.pin())
        .changesTo(ConnectorPin.of(connector, credentials::get, record.baseUrlOverride()));
  }

  private Optional<ConnectionRecord> record() {
    try {
      return new PocketConnections(pocket).get(name);
    } catch (SQLException e) {
      throw cannotRead(e);
    }
  }

  private IllegalStateException cannotRead(SQLException e) {
    return new IllegalStateException(
        "cannot read the connection of '" + name + "': " + e.getMessage(), e);
  }
}
