/** Discovery of connectors: compiled ones through {@link java.util.ServiceLoader}, and YAML files in folders. */
package dev.paw.runtime.registry;
