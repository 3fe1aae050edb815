package dev.paw.cli;

/** Input the command needs is missing and there is no terminal to ask at (exit code 4). */
final class NeedsInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NeedsInputException(String message) {
    super(message);
  }
}
