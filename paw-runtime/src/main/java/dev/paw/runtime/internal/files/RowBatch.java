package dev.paw.runtime.internal.files;

/**
 * Rows handed from the reading thread to the writing one: flat, reused arrays, so a row costs no
 * objects.
 */
final class RowBatch {

  final int width;
  final String[] values;
  final byte[] kinds;
  int rows;

  RowBatch(int capacity, int width) {
    this.width = width;
    this.values = new String[capacity * width];
    this.kinds = new byte[capacity * width];
  }

  int capacity() {
    return width == 0 ? 0 : values.length / width;
  }

  boolean full() {
    return rows == capacity();
  }

  /** Where row {@code row}'s values start. */
  int offset(int row) {
    return row * width;
  }
}
