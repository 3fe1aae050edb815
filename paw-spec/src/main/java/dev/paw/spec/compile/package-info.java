/**
 * The one entry point from connector files to linked connectors, used by the Maven plugin, {@code
 * paw validate} and the runtime's registry alike, so that the same files give the same diagnostics
 * everywhere: {@link dev.paw.spec.compile.ConnectorCompiler} loads each file (read, then link) and
 * then runs the checks that need every file of the set.
 */
package dev.paw.spec.compile;
