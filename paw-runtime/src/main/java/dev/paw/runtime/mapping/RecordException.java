package dev.paw.runtime.mapping;

import java.io.IOException;

/**
 * A field of an API record that cannot be read as its column's type. The sync names the record and
 * rolls back.
 */
public final class RecordException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public RecordException(String field, String message) {
    super("field '" + field + "': " + message);
    this.field = field;
  }

  /** The dotted path of the field in the API record. */
  public String field() {
    return field;
  }
}
