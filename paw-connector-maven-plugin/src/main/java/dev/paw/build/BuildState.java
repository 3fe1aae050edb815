package dev.paw.build;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the last successful {@code paw:generate} saw and wrote: the configuration digest, the output
 * roots, each input's digest and the files it generated, and the files generated from all inputs
 * together (the service registration). It decides what is stale and which files to delete when
 * their input is gone.
 *
 * @param configDigest a digest of the generator version and every setting that changes the output
 * @param sourcesRoot the absolute Java source output directory the outputs were written to
 * @param resourcesRoot the absolute resource output directory the outputs were written to
 * @param inputs by display path of the connector file
 * @param shared outputs of the whole set of connectors
 */
record BuildState(
    String configDigest,
    String sourcesRoot,
    String resourcesRoot,
    Map<String, Input> inputs,
    List<OutputFile> shared) {

  /**
   * One connector file.
   *
   * @param digest of its display path and bytes
   * @param outputs the files generated from it
   */
  record Input(String digest, List<OutputFile> outputs) {

    Input {
      Objects.requireNonNull(digest, "digest");
      outputs = List.copyOf(outputs);
    }
  }

  BuildState {
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(sourcesRoot, "sourcesRoot");
    Objects.requireNonNull(resourcesRoot, "resourcesRoot");
    inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
    shared = List.copyOf(shared);
  }

  /** Every output, of every input and shared. */
  List<OutputFile> allOutputs() {
    List<OutputFile> all = new ArrayList<>();
    inputs.values().forEach(input -> all.addAll(input.outputs()));
    all.addAll(shared);
    return all;
  }

  /** Whether {@code outputs} were written to the same directories as this state's. */
  boolean sameRoots(String sources, String resources) {
    return sourcesRoot.equals(sources) && resourcesRoot.equals(resources);
  }
}
