/**
 * The {@code paw} command line (picocli): one class per command, all built on the runtime's public
 * API.
 */
package dev.paw.cli;
