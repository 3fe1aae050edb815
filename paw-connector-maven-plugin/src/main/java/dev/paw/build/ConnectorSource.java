package dev.paw.build;

import java.nio.file.Path;

/**
 * One connector file found by a scan.
 *
 * @param file the file
 * @param displayPath how diagnostics name it: relative to the project, with {@code /} ({@code
 *     connectors/stripe.yaml})
 */
public record ConnectorSource(Path file, String displayPath) {}
