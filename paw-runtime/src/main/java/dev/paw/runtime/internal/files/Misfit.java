package dev.paw.runtime.internal.files;

/** The first value that did not fit the format its column was being loaded with. */
record Misfit(long line, long row, int column, String value) {}
