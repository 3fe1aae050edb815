package dev.paw.runtime.internal.files;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.Arrays;

/**
 * Receives FastCSV's fields straight from its buffer, telling an empty unquoted field (NULL) from
 * an empty quoted one ({@code ""}, the empty string), which FastCSV's own records cannot. One
 * instance per pass; its field array is reused for every record.
 */
final class FieldCollector extends AbstractBaseCsvCallbackHandler<FieldCollector> {

  /**
   * Thrown from inside FastCSV's parse when a field is longer than the limit; the reader explains
   * it.
   */
  static final class FieldTooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FieldTooLong() {
      super(null, null, false, false);
    }
  }

  private final int maxFields;
  private final int maxFieldChars;
  private String[] fields = new String[16];

  FieldCollector(int maxFields, int maxFieldChars) {
    this.maxFields = maxFields;
    this.maxFieldChars = maxFieldChars;
  }

  @Override
  protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
    if (length > maxFieldChars) {
      throw new FieldTooLong();
    }
    if (index >= fields.length) {
      if (index >= maxFields) {
        return; // counted, not kept: the reader reports the row as too wide
      }
      fields = Arrays.copyOf(fields, Math.min(maxFields, fields.length * 2));
    }
    fields[index] = length == 0 && !quoted ? null : new String(buffer, offset, length);
  }

  @Override
  protected void handleEmpty() {
    fields[0] = null; // an empty line: one NULL field, which only a one-column file keeps
  }

  @Override
  protected FieldCollector buildRecord() {
    return this;
  }

  /** The fields of the record just read ({@link #count()} of them are valid). */
  String[] fields() {
    return fields;
  }

  int count() {
    return getFieldCount();
  }

  /** Whether the record just read was an empty line. */
  boolean emptyLine() {
    return getRecordType() == de.siegmar.fastcsv.reader.RecordType.EMPTY;
  }

  /** The line the record just read starts on. */
  long line() {
    return getStartingLineNumber();
  }
}
