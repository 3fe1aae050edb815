package dev.paw.spec.compile;

import dev.paw.spec.ConnectorSpec;

/**
 * A connector file that compiled without errors.
 *
 * @param spec the linked connector
 */
public record CompiledFile(ConnectorFile file, ConnectorSpec spec) {}
