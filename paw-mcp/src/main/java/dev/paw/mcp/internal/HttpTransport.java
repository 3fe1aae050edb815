package dev.paw.mcp.internal;

import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The SDK's streamable HTTP transport in an embedded Jetty 12 on 127.0.0.1 only, behind a bearer
 * token made fresh at every start.
 */
public final class HttpTransport implements AutoCloseable {

  public static final String PATH = "/mcp";

  private final Server server;
  private final String token;

  private HttpTransport(Server server, String token) {
    this.server = server;
    this.token = token;
  }

  /** A new token: 32 random bytes, base64url. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Serves {@code transport} on 127.0.0.1:{@code port} (0: any free port). */
  public static HttpTransport start(
      HttpServletStreamableServerTransportProvider transport, int port, String token)
      throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder servlet = new ServletHolder(transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, PATH);
    FilterHolder filter = new FilterHolder(new BearerTokenFilter(token));
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.setStopTimeout(2000);
    server.start();
    return new HttpTransport(server, token);
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public String token() {
    return token;
  }

  public String url() {
    return "http://127.0.0.1:" + port() + PATH;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
