/**
 * Internal, no compatibility promise. Discovery of connectors: compiled ones through {@link
 * java.util.ServiceLoader}, and YAML files in folders compiled through {@code
 * dev.paw.spec.compile.ConnectorCompiler}; a file does not shadow a built-in connector unless
 * allowed ({@code PawBuilder.allowShadowing}), and a note says when one does ({@code
 * Paw.connectorNotes()}).
 */
package dev.paw.runtime.internal.registry;
