package dev.paw.spec;

import java.util.Objects;

/**
 * Where an element of a connector file was written: a path as the user named it, and a 1-based line
 * and column.
 */
public record Location(String path, int line, int column) {

  public Location {
    Objects.requireNonNull(path, "path");
  }

  /** A location for a whole file, before any line is known. */
  public static Location file(String path) {
    return new Location(path, 0, 0);
  }

  /** The same file at another line and column. */
  public Location at(int line, int column) {
    return new Location(path, line, column);
  }

  /** {@code path:line:col}, or just the path when no line is known: the form compilers print. */
  @Override
  public String toString() {
    return line > 0 ? path + ":" + line + ":" + column : path;
  }
}
