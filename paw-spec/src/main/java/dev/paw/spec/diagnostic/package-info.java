/**
 * Diagnostics in the compiler form {@code path:line:col: message}, collected before anything fails.
 */
package dev.paw.spec.diagnostic;
