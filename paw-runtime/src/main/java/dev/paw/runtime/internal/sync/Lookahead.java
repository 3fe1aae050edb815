package dev.paw.runtime.internal.sync;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a run's pages on a thread of its own, ahead of the run that writes them: each page is
 * requested as soon as the one before it is read (its position comes from that page), with up to
 * {@link #WAITING} pages read and waiting to be written. Waiting on the network and parsing JSON
 * overlap the SQLite work, and a commit that takes longer (a WAL checkpoint) does not hold up the
 * fetching. Pages are still committed one at a time, in order, on the run's thread. Closing stops
 * the fetching and waits for a page still in flight, so no request of a run outlives it.
 */
final class Lookahead<R> implements AutoCloseable {

  /**
   * Pages read ahead of the one being written. With one, a page that took the writer longer than
   * its successor took to fetch left the fetch thread idle: 1.3 s of a 1M-invoice sync.
   */
  static final int WAITING = 2;

  /** Reads the page at a position (the page number is for messages). */
  interface Fetch<R> {
    FetchedPage<R> at(PagePosition position, int pageNumber) throws IOException;
  }

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread t = new Thread(runnable, "paw-sync-fetch");
            t.setDaemon(true);
            return t;
          });
  private final BlockingQueue<Fetched<R>> ready = new ArrayBlockingQueue<>(WAITING);
  private volatile boolean stopped;
  private Future<?> fetching;

  /**
   * Starts reading pages from {@code first}, each after the one before, until a page says it is the
   * last, {@code pages} have been read, or one fails (its failure is what {@link #take()} then
   * throws).
   */
  void start(Fetch<R> fetch, PagePosition first, int firstNumber, int pages) {
    if (fetching != null && !fetching.isDone()) {
      throw new IllegalStateException("pages are already being fetched");
    }
    fetching = thread.submit(() -> fetchAll(fetch, first, firstNumber, pages));
  }

  private Void fetchAll(Fetch<R> fetch, PagePosition first, int firstNumber, int pages)
      throws InterruptedException {
    PagePosition position = first;
    for (int i = 0; i < pages && !stopped; i++) {
      Fetched<R> fetched;
      try {
        fetched = new Fetched<>(fetch.at(position, firstNumber + i), null);
      } catch (IOException | RuntimeException | Error e) {
        fetched = new Fetched<>(null, e);
      }
      ready.put(fetched);
      if (fetched.failure() != null || fetched.page().next().isEmpty()) {
        return null;
      }
      position = fetched.page().next().get();
    }
    return null;
  }

  /** The next page in order, waiting for it; throws what its fetch threw. */
  FetchedPage<R> take() throws IOException {
    Fetched<R> fetched;
    try {
      fetched = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a page");
    }
    if (fetched.failure() != null) {
      throw Futures.rethrown(fetched.failure());
    }
    return fetched.page();
  }

  @Override
  public void close() {
    stopped = true;
    try {
      while (fetching != null) {
        ready.clear(); // a fetch waiting to hand over a page finishes and sees it is stopped
        try {
          fetching.get(50, TimeUnit.MILLISECONDS);
          fetching = null;
        } catch (TimeoutException e) {
          // a page still in flight: wait for it, so no request outlives the run
        } catch (ExecutionException e) {
          fetching = null; // the run is over: nothing will use its pages or its failure
        }
      }
      thread.shutdown();
    } catch (InterruptedException e) {
      thread.shutdownNow(); // the run was interrupted, and so is the request in flight
      Thread.currentThread().interrupt();
    }
  }

  /** A page read, or why it could not be. */
  private record Fetched<R>(FetchedPage<R> page, Throwable failure) {}
}
