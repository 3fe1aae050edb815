package dev.paw.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}: the command prints its result as JSON ({@link Output#json}) instead of a table or
 * text.
 */
final class JsonOption {

  @Option(names = "--json", description = "Print JSON.")
  boolean enabled;
}
