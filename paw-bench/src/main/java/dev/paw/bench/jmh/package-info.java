/**
 * JMH micro-benchmarks: the generated mapper against the interpreter and a Jackson tree, and the
 * generator.
 */
package dev.paw.bench.jmh;
