/**
 * The paw runtime's public API. Start with {@link dev.paw.runtime.Paw} (configured by {@link
 * dev.paw.runtime.PawBuilder}): it opens pockets and binds connectors to them as {@link
 * dev.paw.runtime.ConnectorProtocol}s; this package also holds their results (a failed sync is a
 * {@link dev.paw.runtime.SyncFailedException}), the sync listener, the scheduler, the runtime
 * settings, and the {@link dev.paw.runtime.CompiledConnector} service that generated code
 * registers.
 *
 * <p><b>The public API rule.</b> The API is this package and {@code audit}, {@code credentials},
 * {@code mapping} (for generated code), {@code pocket}, {@code registry} and {@code trust}: what a
 * host application, the CLI and generated code need, and no more (at most 40 public top-level
 * types). Everything under {@code dev.paw.runtime.internal} is machinery with no compatibility
 * promise, public only so that the runtime's own packages can share it; code outside paw must not
 * depend on it. A new public type goes in {@code internal} unless a host cannot do without it.
 */
package dev.paw.runtime;
