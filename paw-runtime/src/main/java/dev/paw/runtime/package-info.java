/**
 * The paw runtime's public API: {@link dev.paw.runtime.ConnectorProtocol} (a connector bound to a pocket), its result
 * types, and the {@link dev.paw.runtime.CompiledConnector} service that generated code registers.
 */
package dev.paw.runtime;
