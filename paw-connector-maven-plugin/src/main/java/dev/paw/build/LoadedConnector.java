package dev.paw.build;

import dev.paw.spec.ConnectorSpec;

/**
 * A connector file that loaded without errors.
 *
 * @param source the file it came from
 * @param spec the linked connector
 */
record LoadedConnector(ConnectorSource source, ConnectorSpec spec) {}
