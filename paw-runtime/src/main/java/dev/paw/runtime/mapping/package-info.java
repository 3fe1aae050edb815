/**
 * The contract between generated code and the sync engine: {@link dev.paw.runtime.mapping.RowMapper} turns streamed
 * API records into rows and rows into SQL; {@link dev.paw.runtime.mapping.JsonColumns} holds the one set of typing
 * rules every mapper uses.
 */
package dev.paw.runtime.mapping;
