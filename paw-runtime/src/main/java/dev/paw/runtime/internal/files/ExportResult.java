package dev.paw.runtime.internal.files;

/** The file {@code export_table} wrote. */
public record ExportResult(String table, String file, String format, long rows, long bytes)
    implements FileActionResult {}
