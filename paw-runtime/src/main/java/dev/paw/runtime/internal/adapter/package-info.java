/**
 * Internal, no compatibility promise. The DirectREST adapter: a connector bound to one pocket,
 * composing the HTTP, trust, audit, credential and sync pieces into {@link
 * dev.paw.runtime.ConnectorProtocol}. {@link dev.paw.runtime.internal.adapter.DirectRestAdapter}
 * connects and disconnects; one class each runs actions (trust, audit, local or HTTP), syncs a
 * table (trust, locks, audit), reads the tables, probes health, and holds the connection's pin and
 * lazily built HTTP side.
 */
package dev.paw.runtime.internal.adapter;
