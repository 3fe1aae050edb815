package dev.paw.dashboard;

import dev.paw.dashboard.internal.data.ChangeWatcher;
import dev.paw.dashboard.internal.data.QueryRunner;
import dev.paw.dashboard.internal.http.DashboardHandler;
import dev.paw.runtime.Paw;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local dashboard ({@code paw serve}): a read-only web page of the pockets of one paw home, on
 * 127.0.0.1 only, behind a random token. Each pocket's page shows its widgets and tables and
 * updates itself within {@link #POLL_INTERVAL} plus a query of any commit, from any process.
 */
public final class Dashboard implements AutoCloseable {

  /** How often an open pocket's {@code PRAGMA data_version} is asked. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  /** The longest a widget's or table page's query runs before it is stopped. */
  public static final Duration QUERY_TIME_LIMIT = Duration.ofSeconds(3);

  /** The most rows a widget or table page returns. */
  public static final int ROW_LIMIT = 1000;

  private final Server server;
  private final ChangeWatcher watcher;
  private final QueryRunner runner;
  private final String token;
  private final int port;
  private volatile boolean running = true;

  private Dashboard(
      Server server, ChangeWatcher watcher, QueryRunner runner, String token, int port) {
    this.server = server;
    this.watcher = watcher;
    this.runner = runner;
    this.token = token;
    this.port = port;
  }

  /**
   * Starts a dashboard over {@code paw}'s pockets on 127.0.0.1:{@code port} ({@code 0}: a free
   * port). The caller keeps {@code paw} open until it closes the dashboard.
   */
  public static Dashboard start(Paw paw, int port) throws Exception {
    return start(paw, port, QUERY_TIME_LIMIT);
  }

  /** As {@link #start(Paw, int)}, with another time limit for queries. */
  public static Dashboard start(Paw paw, int port, Duration queryTimeLimit) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("paw-dashboard");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setStopTimeout(2000);
    ChangeWatcher watcher = new ChangeWatcher(POLL_INTERVAL);
    QueryRunner runner = new QueryRunner(queryTimeLimit, ROW_LIMIT);
    String token = DashboardHandler.newToken();
    try {
      connector.open(); // the port is known before the handler, which checks Host against it
      int bound = connector.getLocalPort();
      Dashboard dashboard = new Dashboard(server, watcher, runner, token, bound);
      server.setHandler(
          new DashboardHandler(paw, token, bound, runner, watcher, () -> dashboard.running));
      server.start();
      return dashboard;
    } catch (Exception e) {
      watcher.close();
      runner.close();
      server.stop();
      throw e;
    }
  }

  /** The port the dashboard listens on. */
  public int port() {
    return port;
  }

  /**
   * The URL that opens the pockets page, with the token (which the page then moves to a cookie).
   */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/?token=" + token);
  }

  /** The URL that opens one pocket's page, with the token. */
  public URI pocketUrl(String slug) {
    return URI.create(
        "http://127.0.0.1:"
            + port
            + "/pockets/"
            + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8)
            + "?token="
            + token);
  }

  /** How many pockets have an open page now (each costs one small poll every interval). */
  public int watchedPockets() {
    return watcher.watchedPockets();
  }

  @Override
  public void close() throws Exception {
    running = false;
    try {
      server.stop();
    } finally {
      watcher.close();
      runner.close();
    }
  }
}
