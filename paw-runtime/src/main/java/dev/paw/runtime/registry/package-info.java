/**
 * API: a connector the runtime can run, compiled or from a YAML file ({@link
 * dev.paw.runtime.registry.RegisteredConnector}, listed by {@link
 * dev.paw.runtime.Paw#connectors()}). Discovery itself is internal ({@code
 * dev.paw.runtime.internal.registry}).
 */
package dev.paw.runtime.registry;
