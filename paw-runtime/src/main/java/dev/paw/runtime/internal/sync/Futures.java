package dev.paw.runtime.internal.sync;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for the fetches a run hands to other threads, with their failures thrown as they were
 * thrown there.
 */
final class Futures {

  private Futures() {}

  /**
   * The result of {@code future}; what it threw, unwrapped; on interruption the future is
   * cancelled.
   *
   * @param what what is waited for, for the message if the wait is interrupted
   */
  static <T> T await(Future<T> future, String what) throws IOException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new InterruptedIOException("interrupted while waiting for " + what);
    }
  }

  /**
   * Throws {@code failure} as it was thrown on the other thread: an IOException, a runtime
   * exception or an error as itself, anything else wrapped. Declared to return one, for {@code
   * throw rethrown(e)}.
   */
  static IOException rethrown(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(failure);
  }
}
