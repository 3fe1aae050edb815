package dev.paw.mcp.internal;

import dev.paw.runtime.LocalActions;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.spec.ConnectorSpec;

/**
 * Runs the tools of a connector that declares {@code mcp_server}: registered for {@link
 * java.util.ServiceLoader} under {@code mcp_server}, it opens one {@link McpServerActions} per
 * connection.
 */
public final class McpServerAdapter implements LocalActions.Adapter {

  @Override
  public String connector() {
    return "mcp_server";
  }

  @Override
  public LocalActions open(ScopedCredentials credentials, RuntimeLimits limits) {
    throw new IllegalStateException("an MCP server connector is opened with its connector file");
  }

  @Override
  public LocalActions open(
      ConnectorSpec spec,
      ScopedCredentials credentials,
      RuntimeLimits limits,
      SyncListener listener) {
    if (spec.mcpServer() == null) {
      throw new IllegalStateException("connector '" + spec.name() + "' declares no mcp_server");
    }
    return new McpServerActions(spec.name(), spec.mcpServer(), credentials);
  }
}
