package dev.paw.runtime.internal.pocket;

import dev.paw.runtime.internal.Names;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connections of one pocket ({@code _paw_connections}): which connectors are connected, when,
 * with which base URL override, and their last error. Holds no credentials: those live in the
 * credential store.
 */
public final class PocketConnections {

  private final Pocket pocket;
  private final Clock clock;

  /** The connections of {@code pocket}, stamped by its clock. */
  public PocketConnections(Pocket pocket) {
    this(pocket, PocketInternals.get().clock(pocket));
  }

  PocketConnections(Pocket pocket, Clock clock) {
    this.pocket = pocket;
    this.clock = clock;
  }

  /**
   * Records that {@code connector} is connected, clearing any earlier error.
   *
   * @param baseUrlOverride an absolute http(s) URL without query or fragment, or {@code null} for
   *     none
   */
  public ConnectionRecord connected(String connector, String baseUrlOverride) throws SQLException {
    return connected(connector, baseUrlOverride, null);
  }

  /**
   * Records that {@code connector} is connected with what the user approved ({@code pin}, replacing
   * the one stored; {@code null} keeps it), clearing any earlier error.
   */
  public ConnectionRecord connected(String connector, String baseUrlOverride, String pin)
      throws SQLException {
    Names.connector(connector);
    String override = baseUrlOverride == null ? null : checkBaseUrl(baseUrlOverride);
    String now = clock.instant().toString();
    try (Connection c = PocketDatabase.open(pocket);
        PreparedStatement s =
            c.prepareStatement(
                """
        INSERT INTO _paw_connections (connector, state, base_url_override, connected_at, updated_at, pin)
        VALUES (?1, 'connected', ?2, ?3, ?3, ?4)
        ON CONFLICT (connector) DO UPDATE SET state = 'connected', base_url_override = ?2, connected_at = ?3,
          updated_at = ?3, last_error = NULL, last_error_at = NULL, pin = COALESCE(?4, pin)""")) {
      s.setString(1, connector);
      s.setString(2, override);
      s.setString(3, now);
      s.setString(4, pin);
      s.executeUpdate();
    }
    return get(connector).orElseThrow();
  }

  /** Stores the pin of a connection made before paw pinned connections (it has none yet). */
  public void pinned(String connector, String pin) throws SQLException {
    Names.connector(connector);
    try (Connection c = PocketDatabase.open(pocket);
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE _paw_connections SET pin = ? WHERE connector = ? AND pin IS NULL")) {
      s.setString(1, pin);
      s.setString(2, connector);
      s.executeUpdate();
    }
  }

  /** Records that {@code connector} was disconnected; the row stays so its history reads well. */
  public void disconnected(String connector) throws SQLException {
    Names.connector(connector);
    upsert(
        connector,
        """
        INSERT INTO _paw_connections (connector, state, updated_at) VALUES (?1, 'disconnected', ?3)
        ON CONFLICT (connector) DO UPDATE SET state = 'disconnected', updated_at = ?3""",
        null,
        clock.instant().toString());
  }

  /**
   * Records a failure of {@code connector}. The message is stored as given: pass it through the
   * connection's {@code Redactor} first, because pocket.db must never hold a secret.
   */
  public void failed(String connector, String redactedMessage) throws SQLException {
    Names.connector(connector);
    String now = clock.instant().toString();
    try (Connection c = PocketDatabase.open(pocket);
        PreparedStatement s =
            c.prepareStatement(
                """
        INSERT INTO _paw_connections (connector, state, updated_at, last_error, last_error_at)
        VALUES (?1, 'error', ?2, ?3, ?2)
        ON CONFLICT (connector) DO UPDATE SET state = 'error', updated_at = ?2, last_error = ?3,
          last_error_at = ?2""")) {
      s.setString(1, connector);
      s.setString(2, now);
      s.setString(3, redactedMessage);
      s.executeUpdate();
    }
  }

  public Optional<ConnectionRecord> get(String connector) throws SQLException {
    Names.connector(connector);
    try (Connection c = PocketDatabase.open(pocket);
        PreparedStatement s =
            c.prepareStatement("SELECT * FROM _paw_connections WHERE connector = ?")) {
      s.setString(1, connector);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Every connection of this pocket, by connector name. */
  public List<ConnectionRecord> list() throws SQLException {
    List<ConnectionRecord> records = new ArrayList<>();
    try (Connection c = PocketDatabase.open(pocket);
        PreparedStatement s =
            c.prepareStatement("SELECT * FROM _paw_connections ORDER BY connector");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        records.add(read(rs));
      }
    }
    return records;
  }

  private void upsert(String connector, String sql, String override, String now)
      throws SQLException {
    try (Connection c = PocketDatabase.open(pocket);
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, connector);
      s.setString(2, override);
      s.setString(3, now);
      s.executeUpdate();
    }
  }

  private static ConnectionRecord read(ResultSet rs) throws SQLException {
    return new ConnectionRecord(
        rs.getString("connector"),
        ConnectionRecord.State.parse(rs.getString("state")),
        rs.getString("base_url_override"),
        instant(rs.getString("connected_at")),
        instant(rs.getString("updated_at")),
        rs.getString("last_error"),
        rs.getString("pin"));
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  /** Only a plain http(s) origin with an optional path can replace a connector's base URL. */
  static String checkBaseUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        // the URL is not echoed: user info in it may hold a password
        throw new IllegalArgumentException(
            "base URL override must be an http(s) URL with a host and no user info,"
                + " query or fragment");
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("base URL override is not a URL (check its spelling)");
    }
  }
}
