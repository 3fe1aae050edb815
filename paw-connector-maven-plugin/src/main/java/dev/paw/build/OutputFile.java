package dev.paw.build;

import java.util.Objects;

/**
 * A file the generator owns, named relative to one of its two output roots.
 *
 * @param root which root the path is relative to
 * @param path the path below that root, with {@code /} separators
 */
record OutputFile(Root root, String path) {

  /** The two output directories of {@code paw:generate}. */
  enum Root {
    SOURCES,
    RESOURCES
  }

  OutputFile {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(path, "path");
  }
}
