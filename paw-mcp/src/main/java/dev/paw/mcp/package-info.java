/**
 * {@code paw mcp}: a pocket's connectors as a Model Context Protocol server, built on the official
 * MCP Java SDK. {@link dev.paw.mcp.PawMcpServer} is the entry point; the machinery is in {@code
 * internal}.
 */
package dev.paw.mcp;
