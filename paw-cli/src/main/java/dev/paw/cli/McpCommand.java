package dev.paw.cli;

import dev.paw.mcp.PawMcpServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paw mcp --pocket P [--http PORT]}: the pocket's connectors as an MCP server for AI agents,
 * over stdio (the default) or streamable HTTP on 127.0.0.1 behind a bearer token.
 */
@Command(
    name = "mcp",
    description = {
      "Serve a pocket's connectors to AI agents over the Model Context Protocol: every action of"
          + " every connected connector as a tool, each synced table as a resource, and the"
          + " read-only query and sync tools.",
      "Trust levels hold: auto actions run; confirm actions ask the user through the MCP client"
          + " (elicitation), and clients that cannot ask are refused; restricted actions are always"
          + " refused (an administrator runs them with paw run). An auto action that reads or"
          + " writes a file on this machine is asked like a confirm one. Every call is audited"
          + " with the client's name.",
      "Speaks MCP on standard input and output unless --http is given."
    })
final class McpCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin PocketOption.Existing pocketOption;

  @Option(
      names = "--http",
      paramLabel = "PORT",
      description =
          "Serve streamable HTTP on 127.0.0.1:PORT (0: any free port) instead of stdio; every"
              + " request needs the bearer token printed at start.")
  Integer httpPort;

  McpCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    String pocket = pocketOption.get(context).name();
    try (PawMcpServer server = PawMcpServer.create(context::newPaw, pocket)) {
      context
          .terminal()
          .err()
          .println(
              "paw mcp: pocket '"
                  + pocket
                  + "', "
                  + server.toolNames().size()
                  + " tools from "
                  + (server.connectorNames().isEmpty()
                      ? "no connected connector"
                      : String.join(", ", server.connectorNames())));
      if (httpPort == null) {
        server.serveStdio(context.terminal().protocolIn(), context.terminal().protocolOut());
        return ExitCodes.OK;
      }
      PawMcpServer.Http http = server.serveHttp(httpPort);
      context.terminal().err().println("paw mcp: listening on " + http.url());
      context.terminal().err().println("paw mcp: bearer token " + http.token());
      context.terminal().err().println("paw mcp: stop with Ctrl-C");
      new CountDownLatch(1).await();
      return ExitCodes.OK;
    }
  }
}
