/**
 * The connector model: immutable values for a connector's auth, actions, parameters and sync
 * streams, each carrying the {@link dev.paw.spec.Location} it was written at. Generated code builds
 * the same value as code.
 *
 * <p>From files to the model, in the shape of a compiler:
 *
 * <ol>
 *   <li>{@link dev.paw.spec.yaml}: compose the YAML within bounds and read it into located elements
 *       ({@link dev.paw.spec.read.ReadConnector}); a syntax error stops here, every other problem
 *       is collected;
 *   <li>{@link dev.paw.spec.link}: ordered passes resolve every name the file writes and complete
 *       what it leaves implicit, giving a linked {@link dev.paw.spec.ConnectorSpec};
 *   <li>{@link dev.paw.spec.compile}: checks what only a set of files can show (names, Java
 *       packages).
 * </ol>
 *
 * <p>{@link dev.paw.spec.ConnectorLoader} runs the first two for one file; {@link
 * dev.paw.spec.compile.ConnectorCompiler} runs all three and is what the Maven plugin, {@code paw
 * validate} and the runtime call. A new check is one method in the pass that has what it needs: a
 * reader when the element alone shows the problem, a linker pass when it takes another element, the
 * set checks when it takes another file.
 */
package dev.paw.spec;
