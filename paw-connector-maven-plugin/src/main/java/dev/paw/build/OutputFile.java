package dev.paw.build;

import java.util.Comparator;
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
    SOURCES, RESOURCES
  }

  static final Comparator<OutputFile> ORDER = Comparator.comparing(OutputFile::root)
      .thenComparing(OutputFile::path);

  OutputFile {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(path, "path");
  }
}
