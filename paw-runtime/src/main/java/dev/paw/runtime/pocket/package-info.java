/**
 * Pockets: named, isolated workspaces. {@link dev.paw.runtime.internal.pocket.Pockets} opens and lists them under
 * {@link dev.paw.runtime.pocket.PawHome}; a {@link dev.paw.runtime.pocket.Pocket} only ever opens its own
 * {@code pocket.db} (SQLite in WAL mode), which holds the synced tables and the runtime's {@code _paw_} tables. No
 * method here takes a path or another pocket's name, so code holding one pocket cannot reach another's data.
 */
package dev.paw.runtime.pocket;

import dev.paw.runtime.internal.pocket.Pockets;
