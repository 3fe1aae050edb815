package dev.paw.runtime.internal.files;

import dev.paw.runtime.SyncListener;

/**
 * Tells a {@link SyncListener} how far a file import has got, for one pocket: the rows and batches
 * written, and the bytes of the file read out of its size (CSV and TSV; -1 for formats read whole
 * or through a library, Excel and JSON).
 */
final class ImportProgress {

  static final ImportProgress NONE = new ImportProgress(null, null);

  private final SyncListener listener;
  private final String pocket;

  ImportProgress(SyncListener listener, String pocket) {
    this.listener = listener;
    this.pocket = pocket;
  }

  /** Reports for {@code table}; a listener that throws does not affect the import. */
  void report(String table, long records, long batches, long bytes, long totalBytes, boolean done) {
    if (listener == null) {
      return;
    }
    try {
      listener.onProgress(
          new SyncListener.Progress(
              pocket, FileConnector.NAME, table, records, batches, bytes, totalBytes, done));
    } catch (RuntimeException e) {
      System.getLogger(ImportProgress.class.getName())
          .log(System.Logger.Level.WARNING, "a progress listener failed on " + table + ": " + e);
    }
  }
}
