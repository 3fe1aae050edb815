/**
 * Internal, no compatibility promise. The sync engine: streams pages, maps records, and upserts
 * each page with its checkpoint in one SQLite transaction.
 */
package dev.paw.runtime.internal.sync;
