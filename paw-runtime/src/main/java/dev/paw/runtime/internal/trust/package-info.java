/**
 * Internal, no compatibility promise. The trust gate, which decides whether an action call may
 * reach the network, and its decisions; the {@link dev.paw.runtime.internal.trust.ConnectorPin}
 * that records what the user approved when connecting, kept in {@code _paw_connections}.
 */
package dev.paw.runtime.internal.trust;
