/**
 * The linker: ordered passes over a connector as read that resolve every name it writes
 * (credentials, URL placeholders, sources, parameters, keys) and complete what the file leaves
 * implicit, collecting every problem. {@link dev.paw.spec.link.ConnectorLinker} lists the passes.
 */
package dev.paw.spec.link;
