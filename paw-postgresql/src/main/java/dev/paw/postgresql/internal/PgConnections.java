package dev.paw.postgresql.internal;

import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Opens a JDBC connection from PocketPaw's postgresql credentials ({@code PG_HOST}, {@code
 * PG_PORT}, {@code PG_DATABASE}, {@code PG_USER}, {@code PG_PASSWORD}, {@code PG_SSL}), read from
 * the credential store at each call. The URL carries only host, port and database, checked so that
 * no value can add a driver option; the user and password travel as properties, never in a URL or a
 * message.
 */
public final class PgConnections {

  /** A host name, an IPv4 address or a bracketed IPv6 address: nothing that could end the host. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\]");

  /** PG_SSL's words and the driver's ssl modes they mean. */
  private static final Map<String, String> SSL_MODES =
      Map.of(
          "true", "require",
          "false", "disable",
          "disable", "disable",
          "allow", "allow",
          "prefer", "prefer",
          "require", "require",
          "verify-ca", "verify-ca",
          "verify-full", "verify-full");

  private final ScopedCredentials credentials;

  public PgConnections(ScopedCredentials credentials) {
    this.credentials = credentials;
  }

  /** A new connection in UTC, with ISO dates, named {@code paw} in {@code pg_stat_activity}. */
  public Connection open() throws SQLException {
    String host = credentials.require("PG_HOST").reveal().strip();
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(
          "PG_HOST must be a host name or an IP address (IPv6 in brackets), without port or path");
    }
    int port = port(credentials.get("PG_PORT").map(Secret::reveal).orElse("5432").strip());
    String database = credentials.require("PG_DATABASE").reveal();
    Properties properties = new Properties();
    properties.setProperty("user", credentials.require("PG_USER").reveal());
    properties.setProperty("password", credentials.require("PG_PASSWORD").reveal());
    properties.setProperty("sslmode", sslMode());
    properties.setProperty("ApplicationName", "paw");
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("loginTimeout", "10");
    String url =
        "jdbc:postgresql://"
            + host
            + ":"
            + port
            + "/"
            + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    Connection connection = DriverManager.getConnection(url, properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("PG_PORT must be a port number (1 to 65535)");
  }

  private String sslMode() {
    String given =
        credentials
            .get("PG_SSL")
            .map(Secret::reveal)
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .orElse("prefer");
    String mode = SSL_MODES.get(given);
    if (mode == null) {
      throw new IllegalArgumentException(
          "PG_SSL must be true or false (or an ssl mode: disable, allow, prefer, require,"
              + " verify-ca, verify-full)");
    }
    return mode;
  }
}
