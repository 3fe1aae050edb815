/**
 * Helpers shared by the runtime's packages, with no compatibility promise: owner-only files and directories, atomic
 * writes. Code outside the runtime must not depend on them.
 */
package dev.paw.runtime.internal;
