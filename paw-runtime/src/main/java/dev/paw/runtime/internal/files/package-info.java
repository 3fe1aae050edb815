/**
 * Internal, no compatibility promise. File import: the engine behind the {@code csv} connector's
 * {@code LOCAL} actions ({@code import_file}, {@code list_tables}, {@code preview_table}, {@code
 * table_stats}, {@code query_table}, {@code drop_table}, {@code export_table}). {@link
 * dev.paw.runtime.internal.files.FileActions} is the entry point. The action names, parameters and
 * defaults come from connectors/csv.yaml alone, through the sources generated from it into {@code
 * dev.paw.runtime.internal.csv} (checked in: paw-runtime is built before the plugin; the plugin's
 * RuntimeLocalActionsTest keeps them current).
 *
 * <p><b>Exactness.</b> An imported value is stored so that export gives back exactly the file's
 * text. A column is INTEGER, REAL, BOOLEAN, DATE or DATETIME only when every value in it survives
 * that round trip; anything else is TEXT. So {@code 007}, {@code +1}, {@code -0}, integers beyond
 * 64 bits, {@code 1e3}, {@code NaN} and mixed columns stay text; a REAL column is either "shortest"
 * ({@code 1.5}, {@code 3}) or has a fixed number of decimals ({@code 1.50}, {@code 2.25}), kept in
 * {@code _paw_imports} with the original header text. REALs hold at most 15 significant digits,
 * which a double always gives back. Dates are ISO-8601 text.
 *
 * <p><b>NULL and empty.</b> An empty unquoted CSV field is NULL; an empty quoted field {@code ""}
 * is the empty string (PostgreSQL's {@code COPY} rule). Export writes them the same way. In JSON,
 * {@code null} and a missing key are NULL and {@code ""} is the empty string; in Excel an empty
 * cell is NULL. An empty string makes a column TEXT.
 *
 * <p><b>Atomicity.</b> An import runs in one savepoint: {@code replace} loads a staging table and
 * renames it over the old one at the end, {@code append} inserts into the table; any error rolls
 * everything back.
 *
 * <p><b>Speed.</b> A reader thread parses and checks rows while the caller's thread binds them into
 * multi-row {@code INSERT}s, in batches that are reused, so memory stays flat however large the
 * file.
 */
package dev.paw.runtime.internal.files;
