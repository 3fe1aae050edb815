/**
 * API for generated code: the contract between generated row mappers and the sync engine. {@link
 * dev.paw.runtime.mapping.RowMapper} turns streamed API records into rows and rows into SQL; {@link
 * dev.paw.runtime.mapping.JsonColumns} holds the one set of typing rules every mapper uses. A host
 * application does not need this package; it is public because generated code lives in the host's
 * packages.
 */
package dev.paw.runtime.mapping;
