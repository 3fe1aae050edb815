/**
 * Reading connector YAML: bounded composition with SnakeYAML's node API (every node keeps its line
 * and column) and readers that turn nodes into located elements ({@link dev.paw.spec.read}),
 * reporting each structural problem where it was written. Readers resolve no names: what refers to
 * another element is the linker's.
 */
package dev.paw.spec.yaml;
