/**
 * What runs in each scenario process: the raw client, paw through the generated or the YAML
 * connector, and the hand-tuned Java loop. Each reports one {@link dev.paw.bench.scenario.Outcome}
 * line.
 */
package dev.paw.bench.scenario;
