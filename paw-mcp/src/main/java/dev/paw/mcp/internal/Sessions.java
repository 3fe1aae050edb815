package dev.paw.mcp.internal;

import dev.paw.mcp.PawFactory;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SessionPaw} per MCP session, made on the session's first call and named after its
 * client ({@code mcp:NAME}, as the client calls itself: a label for the audit trail, not an
 * identity).
 */
public final class Sessions implements AutoCloseable {

  /**
   * The most sessions with a runtime of their own: beyond it, the least recently used idle one is
   * closed (its client gets a new one on its next call), so HTTP clients that never say goodbye do
   * not pile up runtimes.
   */
  static final int MAX_SESSIONS = 32;

  private final PawFactory factory;
  private final ConnectedConnectors connectors;
  private final Map<String, SessionPaw> sessions = new ConcurrentHashMap<>();

  public Sessions(PawFactory factory, ConnectedConnectors connectors) {
    this.factory = factory;
    this.connectors = connectors;
  }

  SessionPaw of(McpSyncServerExchange exchange) {
    String id = exchange.sessionId() == null ? "stdio" : exchange.sessionId();
    SessionPaw existing = sessions.get(id);
    if (existing != null) {
      return existing;
    }
    if (sessions.size() >= MAX_SESSIONS) {
      evictIdle();
    }
    return sessions.computeIfAbsent(
        id, key -> new SessionPaw(factory, actor(exchange.getClientInfo()), connectors));
  }

  public int size() {
    return sessions.size();
  }

  private synchronized void evictIdle() {
    sessions.entrySet().stream()
        .sorted(java.util.Comparator.comparingLong(e -> e.getValue().lastUsed()))
        .filter(e -> e.getValue().closeIfIdle())
        .findFirst()
        .ifPresent(e -> sessions.remove(e.getKey(), e.getValue()));
  }

  static String actor(McpSchema.Implementation client) {
    String name = client == null ? null : ToolText.clean(client.name(), 64);
    return "mcp:" + (name == null || name.isBlank() ? "unnamed-client" : name);
  }

  @Override
  public void close() {
    sessions.values().forEach(SessionPaw::close);
    sessions.clear();
  }
}
