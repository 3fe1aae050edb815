package dev.paw.runtime.internal.files;

/** The table {@code drop_table} removed and how many rows it had. */
public record DropResult(String table, long rowsDropped) implements FileActionResult {}
