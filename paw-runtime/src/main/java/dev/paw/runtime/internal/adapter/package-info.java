/**
 * Internal, no compatibility promise. The DirectREST adapter: a connector bound to one pocket,
 * composing the HTTP, trust, audit, credential and sync pieces into {@link
 * dev.paw.runtime.ConnectorProtocol}.
 */
package dev.paw.runtime.internal.adapter;
