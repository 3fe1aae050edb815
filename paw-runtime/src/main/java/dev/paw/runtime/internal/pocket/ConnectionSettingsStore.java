package dev.paw.runtime.internal.pocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.internal.Names;
import dev.paw.runtime.pocket.Pocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each connection of a pocket was given at connect time besides credentials ({@code
 * _paw_connection_settings}): one JSON object per connector, such as the sync parameters a file
 * leaves to the user. Never holds a secret: credentials live in the credential store.
 */
public final class ConnectionSettingsStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Pocket pocket;

  public ConnectionSettingsStore(Pocket pocket) {
    this.pocket = pocket;
  }

  /** The stored settings of {@code connector}; empty when it has none. */
  public Map<String, Object> get(String connector) {
    Names.connector(connector);
    try (Connection c = PocketDatabase.open(pocket);
        PreparedStatement s =
            c.prepareStatement(
                "SELECT settings FROM _paw_connection_settings WHERE connector = ?")) {
      s.setString(1, connector);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Map.of();
        }
        return JSON.readValue(
            rs.getString(1), new TypeReference<LinkedHashMap<String, Object>>() {});
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot read the settings of connection '" + connector + "': " + e.getMessage(), e);
    }
  }

  /** Replaces the settings of {@code connector}; an empty map removes them. */
  public void put(String connector, Map<String, Object> settings) {
    Names.connector(connector);
    try (Connection c = PocketDatabase.open(pocket)) {
      if (settings.isEmpty()) {
        try (PreparedStatement s =
            c.prepareStatement("DELETE FROM _paw_connection_settings WHERE connector = ?")) {
          s.setString(1, connector);
          s.executeUpdate();
        }
        return;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO _paw_connection_settings (connector, settings) VALUES (?, ?)"
                  + " ON CONFLICT (connector) DO UPDATE SET settings = excluded.settings")) {
        s.setString(1, connector);
        s.setString(2, JSON.writeValueAsString(settings));
        s.executeUpdate();
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot store the settings of connection '" + connector + "': " + e.getMessage(), e);
    }
  }
}
