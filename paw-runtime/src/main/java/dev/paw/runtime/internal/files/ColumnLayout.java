package dev.paw.runtime.internal.files;

/**
 * One column of a pocket table: its SQL name, the header text it came from, how its values are
 * stored, and its declared SQL type (the format's, for an imported table).
 */
record ColumnLayout(String name, String header, ColumnFormat format, String declaredType) {

  /** A column of an imported table. */
  ColumnLayout(String name, String header, ColumnFormat format) {
    this(name, header, format, format.sqlType());
  }

  /**
   * What export writes as the column's header: the file's own text, or the name when the file had
   * none.
   */
  String headerOrName() {
    return header != null ? header : name;
  }
}
