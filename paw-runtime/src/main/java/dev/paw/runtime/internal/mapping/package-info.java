/**
 * Internal, no compatibility promise. The row mapper of connectors loaded from YAML, driven by the
 * linked spec instead of generated code.
 */
package dev.paw.runtime.internal.mapping;
