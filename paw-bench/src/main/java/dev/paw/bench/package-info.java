/**
 * The sync benchmark ({@code paw-bench/sync-benchmark.sh}, docs/performance.md): renders the page
 * corpus, runs each scenario in a process of its own, and prints the figures with the ratios the
 * targets are about.
 */
package dev.paw.bench;
