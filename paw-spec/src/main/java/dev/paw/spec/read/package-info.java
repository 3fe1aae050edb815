/**
 * The connector as written: what the YAML readers produce and the linker consumes. Every element
 * carries its {@link dev.paw.spec.Location}, and every name that refers to something declared
 * elsewhere (a credential, an action, a column, a parameter) is kept as written, unresolved, beside
 * the place it was written, so that the linker can resolve it and report a miss where the user
 * wrote it.
 */
package dev.paw.spec.read;
