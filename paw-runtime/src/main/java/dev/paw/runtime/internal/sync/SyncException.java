package dev.paw.runtime.internal.sync;

import java.io.IOException;

/**
 * A sync run that cannot go on: a page that is not JSON, a record that does not map, a request the
 * server refused. The page being written is rolled back; pages committed before it stay.
 */
public final class SyncException extends IOException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final int status;

  public SyncException(String message) {
    this(message, null, false, 0);
  }

  public SyncException(String message, Throwable cause) {
    this(message, cause, false, 0);
  }

  private SyncException(String message, Throwable cause, boolean retryable, int status) {
    super(message, cause);
    this.retryable = retryable;
    this.status = status;
  }

  /** A failure that may pass if the page is fetched again (a body cut short in transit). */
  static SyncException retryable(String message) {
    return new SyncException(message, null, true, 0);
  }

  /** The server answered a page request with an error status. */
  static SyncException answered(int status, String message) {
    return new SyncException(message, null, false, status);
  }

  /** The HTTP status the server answered with, or 0 when the failure was not an error answer. */
  public int status() {
    return status;
  }

  /** True when fetching the page again may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
