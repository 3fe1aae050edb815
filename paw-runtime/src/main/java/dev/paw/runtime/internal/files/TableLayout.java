package dev.paw.runtime.internal.files;

import java.util.List;

/**
 * How a pocket table's values are read back: from {@code _paw_imports} for an imported table, else
 * from the declared types of a table paw did not import.
 *
 * @param imported whether {@code import_file} made the table (only those may be replaced, appended
 *     to or dropped)
 * @param hasHeader whether the imported file had a header row (export writes one only then)
 */
record TableLayout(String table, List<ColumnLayout> columns, boolean imported, boolean hasHeader) {

  TableLayout {
    columns = List.copyOf(columns);
  }
}
