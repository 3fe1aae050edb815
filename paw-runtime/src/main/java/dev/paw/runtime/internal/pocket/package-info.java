/**
 * Internal, no compatibility promise. Opening, creating and writing pockets: the writable database
 * connection, the connections table, the schema, slugs and the cross-process sync lock.
 */
package dev.paw.runtime.internal.pocket;
