/**
 * Internal, no compatibility promise: the runtime's machinery, in sub-packages, and helpers they
 * share (owner-only files, name checks). Public only so the runtime's packages can share it; code
 * outside paw must not depend on it (the CLI, part of the product, may where it wires things up).
 */
package dev.paw.runtime.internal;
