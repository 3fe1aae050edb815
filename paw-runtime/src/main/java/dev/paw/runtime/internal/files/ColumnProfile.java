package dev.paw.runtime.internal.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one pass over a file saw in each column: the shapes all its values share and how many were
 * NULL. It only narrows as values arrive, so the format it chooses for the whole file is never one
 * a value does not fit.
 */
final class ColumnProfile {

  private final int[] shapes;
  private final long[] nonNull;
  private final long[] nulls;
  private final int[] required;

  /** A profile that only watches. */
  ColumnProfile(int width) {
    this(width, null);
  }

  /**
   * A profile that also checks every value against the formats a table is being loaded with, so
   * that the loader stops before a value that does not fit reaches the table.
   */
  ColumnProfile(int width, List<ColumnFormat> loading) {
    shapes = new int[width];
    nonNull = new long[width];
    nulls = new long[width];
    Arrays.fill(shapes, ValueShape.ANY);
    required = new int[width];
    for (int column = 0; column < width; column++) {
      required[column] = loading == null ? ValueShape.ANY : loading.get(column).shape();
    }
  }

  int width() {
    return shapes.length;
  }

  /**
   * Records one row's values ({@code null} is NULL) from {@code values[offset, offset + width)}.
   *
   * @return whether every value so far still fits the formats being loaded
   */
  boolean observe(String[] values, byte[] kinds, int offset) {
    boolean fits = true;
    for (int column = 0; column < shapes.length; column++) {
      String value = values[offset + column];
      if (value == null) {
        nulls[column]++;
        continue;
      }
      nonNull[column]++;
      int shape = shapes[column];
      if (shape != ValueShape.TEXT) { // a text column cannot narrow further: skip the scan
        shape &= ValueShape.classify(value, kinds[offset + column]);
        shapes[column] = shape;
        fits &= (shape & required[column]) != 0;
      }
    }
    return fits;
  }

  /** Whether every value so far fits {@code format} in {@code column}. */
  boolean fits(int column, ColumnFormat format) {
    return (shapes[column] & format.shape()) != 0;
  }

  /** Whether every value so far fits the format {@code column} is being loaded with. */
  boolean fitsRequired(int column) {
    return (shapes[column] & required[column]) != 0;
  }

  ColumnFormat choose(int column) {
    return ColumnFormat.choose(shapes[column], nonNull[column]);
  }

  List<ColumnFormat> chooseAll() {
    List<ColumnFormat> formats = new ArrayList<>(shapes.length);
    for (int column = 0; column < shapes.length; column++) {
      formats.add(choose(column));
    }
    return formats;
  }

  long nulls(int column) {
    return nulls[column];
  }
}
