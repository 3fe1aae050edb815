/**
 * The build engine behind {@code paw:generate} and {@code paw:validate}, free of Maven types so
 * that tests and other front ends can drive it: scan connector files, compile them with {@link
 * dev.paw.spec.compile.ConnectorCompiler} (as {@code paw validate} and the runtime do, cross-file
 * checks included), report diagnostics, and generate Java sources incrementally (a digest of every
 * input decides what is stale; nothing is written when nothing changed). {@link
 * dev.paw.build.PawBuild} is the one entry point.
 */
package dev.paw.build;
