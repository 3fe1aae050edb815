/**
 * Internal, no compatibility promise. The trust gate, which decides whether an action call may reach the network,
 * and its decisions.
 */
package dev.paw.runtime.internal.trust;
