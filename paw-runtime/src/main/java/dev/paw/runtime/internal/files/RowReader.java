package dev.paw.runtime.internal.files;

import java.io.Closeable;
import java.io.IOException;

/**
 * One pass over a {@link TabularSource}: rows of text values, each a slice of a caller's arrays (no
 * row objects).
 */
interface RowReader extends Closeable {

  /**
   * Reads the next row into {@code values[offset, offset + width)} ({@code null} for NULL) and its
   * {@link ValueKind kinds} into the same slice of {@code kinds}.
   *
   * @return false at the end of the data
   * @throws FileActionException when the row is malformed, naming the file and line
   */
  boolean next(String[] values, byte[] kinds, int offset) throws IOException;

  /** Where the row last returned starts: its line, or its row number in a spreadsheet. */
  long line();

  /** Bytes of the file read so far, or -1 when not known. Any thread may ask. */
  default long bytesRead() {
    return -1;
  }
}
