package dev.paw.runtime.sync;

import java.io.IOException;

/**
 * A sync run that cannot go on: a page that is not JSON, a record that does not map, a request the server refused.
 * The page being written is rolled back; pages committed before it stay.
 */
public final class SyncException extends IOException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public SyncException(String message) {
    this(message, null, false);
  }

  public SyncException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private SyncException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** A failure that may pass if the page is fetched again (a body cut short in transit). */
  static SyncException retryable(String message) {
    return new SyncException(message, null, true);
  }

  /** True when fetching the page again may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
