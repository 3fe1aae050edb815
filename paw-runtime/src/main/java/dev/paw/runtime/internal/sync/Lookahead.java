package dev.paw.runtime.internal.sync;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fetches a run's next page on a thread of its own while the run writes the current one, so waiting
 * on the network and parsing JSON overlap the SQLite work. At most one page is in flight, and only
 * once the run knows where it starts; pages are still committed one at a time, in order, on the
 * run's thread. Closing waits for a page still in flight, so no request of a run outlives it.
 */
final class Lookahead<R> implements AutoCloseable {

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread t = new Thread(runnable, "paw-sync-fetch");
            t.setDaemon(true);
            return t;
          });
  private Future<FetchedPage<R>> pending;

  /** Starts fetching the next page. */
  void start(Callable<FetchedPage<R>> fetch) {
    if (pending != null) {
      throw new IllegalStateException("a page is already in flight");
    }
    pending = thread.submit(fetch);
  }

  /** Waits for the page started last; throws what its fetch threw. */
  FetchedPage<R> take() throws IOException {
    Future<FetchedPage<R>> page = pending;
    pending = null;
    return Futures.await(page, "a page");
  }

  @Override
  public void close() {
    if (pending != null) {
      try {
        pending.get();
      } catch (ExecutionException e) {
        // the run is over: nothing will use this page or its failure
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pending = null;
    }
    thread.shutdown();
  }
}
