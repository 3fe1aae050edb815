package dev.paw.cli;

import dev.paw.runtime.Paw;

/**
 * A connector's {@code LOCAL} actions have no adapter installed (exit code 2): the message says
 * which and what installing one takes, in one line.
 */
final class MissingAdapterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private MissingAdapterException(String message) {
    super(message);
  }

  /** Throws when {@code connector} declares {@code LOCAL} actions that nothing installed runs. */
  static void check(Paw paw, String connector) {
    paw.missingLocalAdapter(connector)
        .ifPresent(
            message -> {
              throw new MissingAdapterException(message);
            });
  }
}
