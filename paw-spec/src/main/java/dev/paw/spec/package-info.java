/**
 * The connector model: immutable values for a connector's auth, actions, parameters and sync streams, each carrying
 * the {@link dev.paw.spec.Location} it was written at. {@link dev.paw.spec.ConnectorLoader} turns a YAML file into a
 * linked {@link dev.paw.spec.ConnectorSpec}; generated code builds the same value as code.
 */
package dev.paw.spec;
