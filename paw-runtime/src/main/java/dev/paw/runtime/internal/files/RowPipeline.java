package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and checks rows on a thread of its own while the caller's thread writes them to SQLite, so
 * parsing and inserting overlap. Batches circulate between two small queues, so memory stays flat
 * however big the file is.
 *
 * <p>Every value is profiled. When one does not fit the format its column is being loaded with, no
 * further batch is handed over; the reader either stops there or reads on to the end so the profile
 * covers the whole file.
 */
final class RowPipeline implements AutoCloseable {

  private static final int IN_FLIGHT = 4;
  private static final RowBatch END = new RowBatch(0, 0);

  private final RowReader reader;
  private final ColumnProfile profile;
  private final boolean readPastMisfit;
  private final BlockingQueue<RowBatch> full = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
  private final BlockingQueue<RowBatch> free = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final Thread thread;
  private volatile boolean cancelled;
  private volatile Throwable failure;
  private volatile Misfit misfit;
  private volatile long rows;

  /**
   * @param loading the formats rows are being loaded with
   * @param readPastMisfit whether to read on after a misfit, to profile the whole file
   */
  RowPipeline(
      RowReader reader,
      int width,
      List<ColumnFormat> loading,
      int batchRows,
      boolean readPastMisfit) {
    this.reader = reader;
    this.profile = new ColumnProfile(width, loading);
    this.readPastMisfit = readPastMisfit;
    for (int i = 0; i < IN_FLIGHT; i++) {
      free.add(new RowBatch(batchRows, width));
    }
    this.thread = new Thread(this::produce, "paw-file-import-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void produce() {
    try {
      RowBatch batch = takeFree();
      if (batch == null) {
        return;
      }
      long count = 0;
      boolean handing = true;
      while (!cancelled && reader.next(batch.values, batch.kinds, batch.offset(batch.rows))) {
        count++;
        boolean fits = profile.observe(batch.values, batch.kinds, batch.offset(batch.rows));
        if (!fits && handing) {
          misfit = locateMisfit(batch, count);
          handing = false;
          if (!readPastMisfit) {
            break;
          }
        }
        if (!handing) {
          continue; // profiling only: the slot is reused, nothing more is handed over
        }
        if (++batch.rows == batch.capacity()) {
          hand(batch);
          batch = takeFree();
          if (batch == null) {
            break;
          }
        }
      }
      rows = count;
      if (batch != null && handing && batch.rows > 0) {
        hand(batch);
      }
    } catch (Throwable e) {
      failure = e;
    } finally {
      try {
        hand(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Misfit locateMisfit(RowBatch batch, long row) {
    int offset = batch.offset(batch.rows);
    for (int column = 0; column < batch.width; column++) {
      if (!profile.fitsRequired(column)) {
        return new Misfit(reader.line(), row, column, batch.values[offset + column]);
      }
    }
    throw new IllegalStateException("a row did not fit but every column does");
  }

  /** A batch the writer is done with, or {@code null} when the import was abandoned. */
  private RowBatch takeFree() throws InterruptedException {
    RowBatch batch = null;
    while (!cancelled && batch == null) {
      batch = free.poll(50, TimeUnit.MILLISECONDS);
    }
    return batch;
  }

  private void hand(RowBatch batch) throws InterruptedException {
    while (!cancelled && !full.offer(batch, 50, TimeUnit.MILLISECONDS)) {
      // the writer is busy; try again unless the import was abandoned
    }
  }

  /**
   * The next batch to write, or {@code null} when there is nothing more to write (the end of the
   * data, or a misfit: see {@link #misfit()}).
   */
  RowBatch take() throws IOException, InterruptedException {
    RowBatch batch = full.take();
    if (batch == END) {
      full.add(END); // later calls see the end too
      rethrowFailure();
      return null;
    }
    return batch;
  }

  /** Gives a written batch back to the reader. */
  void recycle(RowBatch batch) {
    batch.rows = 0;
    free.add(batch);
  }

  private void rethrowFailure() throws IOException {
    Throwable e = failure;
    if (e instanceof IOException) {
      throw (IOException) e;
    }
    if (e instanceof RuntimeException) {
      throw (RuntimeException) e;
    }
    if (e instanceof Error) {
      throw (Error) e;
    }
  }

  /**
   * The first value that did not fit, or {@code null}. Valid once {@link #take()} returned {@code
   * null}.
   */
  Misfit misfit() {
    return misfit;
  }

  /** The profile of every row read. Valid once {@link #take()} returned {@code null}. */
  ColumnProfile profile() {
    return profile;
  }

  /** Rows read. Valid once {@link #take()} returned {@code null}. */
  long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    cancelled = true;
    full.clear(); // unblock a reader waiting to hand over
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    } finally {
      reader.close();
    }
  }
}
