package dev.paw.codegen;

/**
 * One file the generator writes.
 *
 * @param path the path below the output root, with {@code /} separators
 * @param content the file's text
 * @param resource true for a resource (the service registration) rather than a Java source
 */
public record GeneratedFile(String path, String content, boolean resource) {}
