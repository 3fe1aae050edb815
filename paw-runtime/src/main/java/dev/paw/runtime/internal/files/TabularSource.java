package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.util.List;

/**
 * A file seen as a table of text values, read in passes (a sample pass, then the load; a load may
 * be repeated). The header is known before the first pass: a source reads it when it is made.
 */
interface TabularSource {

  /** The file's name as error messages show it. */
  String name();

  /** {@code csv}, {@code tsv}, {@code xlsx}, {@code json} or {@code ndjson}. */
  String format();

  /**
   * The header exactly as the file has it; {@code null} entries where it has none (or no header at
   * all).
   */
  List<String> headers();

  /** Whether the first row was a header. */
  boolean hasHeader();

  /** A new pass, positioned at the first data row. */
  RowReader open() throws IOException;
}
