/**
 * The MCP server's machinery, with no compatibility promise: tool and schema building, the confirm
 * flow behind {@link dev.paw.mcp.internal.ConfirmPrompt}, pocket resources, and the HTTP transport.
 */
package dev.paw.mcp.internal;
