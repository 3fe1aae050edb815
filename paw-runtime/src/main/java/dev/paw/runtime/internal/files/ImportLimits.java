package dev.paw.runtime.internal.files;

/**
 * Bounds that keep an import's memory flat and its errors early.
 *
 * @param maxFieldChars the longest value accepted, in characters (a longer one is an error, usually
 *     an open quote)
 * @param maxColumns the most columns a file may have (SQLite's default limit is 2000)
 * @param sampleRows rows read to choose column types before loading; the load checks every row
 *     anyway
 * @param batchRows rows handed from the reading thread to the writing one at a time
 */
public record ImportLimits(int maxFieldChars, int maxColumns, int sampleRows, int batchRows) {

  /** 16 MiB fields, 2000 columns, a 10,000-row sample, 1024-row batches. */
  public static final ImportLimits DEFAULTS = new ImportLimits(16 << 20, 2000, 10_000, 1024);

  public ImportLimits {
    if (maxFieldChars < 1 || maxColumns < 1 || sampleRows < 1 || batchRows < 1) {
      throw new IllegalArgumentException(
          "import limits must be positive: "
              + maxFieldChars
              + ", "
              + maxColumns
              + ", "
              + sampleRows
              + ", "
              + batchRows);
    }
  }
}
