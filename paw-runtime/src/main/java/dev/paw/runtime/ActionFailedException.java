package dev.paw.runtime;

/**
 * An action the service answered with an error status (after retries). Its message carries the
 * status and the start of the body, with secrets redacted.
 */
public final class ActionFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String action;
  private final int status;

  public ActionFailedException(String action, int status, String message) {
    super(message);
    this.action = action;
    this.status = status;
  }

  public String action() {
    return action;
  }

  /** The HTTP status, or 0 when the request never got an answer. */
  public int status() {
    return status;
  }
}
