/**
 * Reading connector YAML: bounded composition with SnakeYAML's node API (every node keeps its line and column) and
 * readers that turn nodes into the spec model, reporting each problem where it was written.
 */
package dev.paw.spec.yaml;
