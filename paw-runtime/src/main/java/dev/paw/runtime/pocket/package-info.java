/**
 * API: pockets, named and isolated workspaces under a {@link dev.paw.runtime.pocket.PawHome}. A
 * {@link dev.paw.runtime.pocket.Pocket} only ever opens its own {@code pocket.db} (SQLite in WAL
 * mode), which holds the synced tables and the runtime's {@code _paw_} tables. A host reads a
 * pocket (read-only connections, its connections, sync status); only the runtime writes it. No
 * method here takes a path or another pocket's name, so code holding one pocket cannot reach
 * another's data.
 */
package dev.paw.runtime.pocket;
