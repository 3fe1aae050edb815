package dev.paw.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.mcp.internal.ActionTools;
import dev.paw.mcp.internal.ConnectedConnectors;
import dev.paw.mcp.internal.HttpTransport;
import dev.paw.mcp.internal.PocketTools;
import dev.paw.mcp.internal.Sessions;
import dev.paw.mcp.internal.TableResources;
import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.Approver;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One pocket's connectors as an MCP server: a tool per action of every connected connector, the
 * pocket's tables as resources, and the {@code query} and {@code sync} tools. Every call runs
 * through the runtime's trust gate and audit trail.
 */
public final class PawMcpServer implements AutoCloseable {

  private static final String INSTRUCTIONS =
      "Tools run actions of the services connected to a paw pocket. Trust levels hold: 'auto'"
          + " tools run, 'confirm' tools ask the user through this client before anything is"
          + " sent, 'restricted' tools are refused (an administrator runs them at a terminal)."
          + " Each synced table is a resource; the query tool reads them with SQL.";

  /** How long a confirm question waits for the person's answer before it counts as a refusal. */
  static final java.time.Duration CONFIRM_TIMEOUT = java.time.Duration.ofMinutes(5);

  private final Paw catalog;
  private final ConnectedConnectors connectors;
  private final Sessions sessions;
  private final List<SyncToolSpecification> tools;
  private final TableResources resources;
  private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
  private final List<AutoCloseable> running = new ArrayList<>();

  private PawMcpServer(PawFactory factory, String pocketName) {
    this.catalog = factory.create("mcp", Approver.DENY);
    try {
      Pocket pocket =
          catalog
              .findPocket(pocketName)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no pocket named '"
                              + pocketName
                              + "' (pockets: "
                              + catalog.pockets().stream().map(Pocket::name).toList()
                              + ")"));
      this.connectors = ConnectedConnectors.of(catalog, pocket);
      this.sessions = new Sessions(factory, connectors);
      this.tools = new ArrayList<>(new PocketTools(connectors, sessions).tools());
      this.tools.addAll(new ActionTools(connectors, sessions).tools(PocketTools.names()));
      this.resources = new TableResources(catalog, pocket, connectors);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  /**
   * A server for pocket {@code pocketName}, which must exist.
   *
   * @throws IllegalArgumentException when there is no such pocket
   */
  public static PawMcpServer create(PawFactory factory, String pocketName) {
    return new PawMcpServer(factory, pocketName);
  }

  /** The names of the tools this server offers. */
  public List<String> toolNames() {
    return tools.stream().map(t -> t.tool().name()).toList();
  }

  /** How many MCP sessions hold a runtime now (for tests). */
  int sessionRuntimes() {
    return sessions.size();
  }

  /** The connectors whose actions are tools. */
  public List<String> connectorNames() {
    return connectors.specs().stream().map(s -> s.name()).toList();
  }

  /** Speaks MCP over {@code in} and {@code out} until {@code in} ends. */
  public void serveStdio(InputStream in, OutputStream out) throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    McpSyncServer server =
        build(new StdioServerTransportProvider(json, new EndSignal(in, ended), out));
    try {
      ended.await();
    } finally {
      server.closeGracefully();
    }
  }

  /**
   * Serves the streamable HTTP transport on 127.0.0.1:{@code port} (0: a free port) behind a new
   * bearer token, until {@link #close()}.
   */
  public Http serveHttp(int port) throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(json)
            .mcpEndpoint(HttpTransport.PATH)
            .build();
    McpSyncServer server = build(transport);
    HttpTransport http = HttpTransport.start(transport, port, HttpTransport.newToken());
    running.add(http);
    running.add(server::closeGracefully);
    return new Http(http.url(), http.token(), http.port());
  }

  /** Where {@link #serveHttp} listens, and the token every request must carry. */
  public record Http(String url, String token, int port) {
    @Override
    public String toString() {
      return "Http[url=" + url + ", token=***]";
    }
  }

  private McpSyncServer build(McpServerTransportProvider transport) {
    return configure(McpServer.sync(transport));
  }

  private McpSyncServer build(McpStreamableServerTransportProvider transport) {
    return configure(McpServer.sync(transport));
  }

  private McpSyncServer configure(McpServer.SyncSpecification<?> spec) {
    return spec.serverInfo("paw", version())
        .instructions(INSTRUCTIONS)
        .capabilities(
            McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
        // the runtime checks parameters and names the wrong one in a tool error
        .validateToolInputs(false)
        // a person answers confirm questions: give them time (an unanswered question refuses)
        .requestTimeout(CONFIRM_TIMEOUT)
        .jsonMapper(json)
        .tools(tools)
        .resources(resources.resources())
        .build();
  }

  private static String version() {
    String version = PawMcpServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public void close() {
    for (AutoCloseable closeable : running) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing the rest matters more
      }
    }
    running.clear();
    sessions.close();
    catalog.close();
  }

  /** Counts {@code ended} down when the stream ends, so stdio serving stops with its client. */
  private static final class EndSignal extends FilterInputStream {
    private final CountDownLatch ended;

    EndSignal(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return check(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return check(super.read(b, off, len));
    }

    private int check(int n) throws IOException {
      if (n < 0) {
        ended.countDown();
      }
      return n;
    }
  }
}
