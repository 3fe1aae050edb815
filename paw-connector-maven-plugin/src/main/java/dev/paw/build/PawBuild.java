package dev.paw.build;

import dev.paw.codegen.ConnectorGenerator;
import dev.paw.codegen.GeneratedFile;
import dev.paw.spec.compile.Compilation;
import dev.paw.spec.compile.CompiledFile;
import dev.paw.spec.compile.ConnectorCompiler;
import dev.paw.spec.compile.ConnectorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine of {@code paw:validate} and {@code paw:generate}: scans connector files, compiles and
 * cross-checks them, reports every diagnostic, and generates incrementally. Generation keeps a
 * {@link BuildState} below the state directory: when no input, setting or generator changed and
 * every output is still there, nothing is loaded or written; otherwise only changed connector files
 * are generated again, files are written only when their content differs, and the outputs of
 * connector files that are gone are deleted.
 */
public final class PawBuild {

  private final BuildLog log;

  public PawBuild(BuildLog log) {
    this.log = log;
  }

  /**
   * Checks every connector file without generating.
   *
   * @throws ConnectorBuildException when there are errors, or warnings and {@code failOnWarning}
   */
  public ValidationResult validate(ValidateRequest request) throws ConnectorBuildException {
    List<ConnectorSource> sources = new SourceScanner(log).scan(request.sources());
    if (sources.isEmpty()) {
      return new ValidationResult(0, 0);
    }
    Compilation loaded = compile(sources);
    new DiagnosticReporter(log).report(loaded.diagnostics(), request.failOnWarning());
    int warnings = (int) loaded.diagnostics().stream().filter(d -> !d.isError()).count();
    log.info(
        DiagnosticReporter.count(sources.size(), "connector file")
            + " valid"
            + (warnings == 0 ? "" : " (" + DiagnosticReporter.count(warnings, "warning") + ")"));
    return new ValidationResult(sources.size(), warnings);
  }

  /**
   * Generates the sources of every connector file that changed since the last build.
   *
   * @throws ConnectorBuildException when there are errors, or warnings and {@code failOnWarning};
   *     nothing is written
   * @throws IOException when an output cannot be written
   */
  public GenerationResult generate(GenerateRequest request)
      throws ConnectorBuildException, IOException {
    BuildStateStore store = new BuildStateStore(request.stateFile());
    OutputWriter writer = new OutputWriter(request.sourcesOutput(), request.resourcesOutput());
    String sourcesRoot = request.sourcesOutput().toString();
    String resourcesRoot = request.resourcesOutput().toString();
    Optional<BuildState> previous =
        store.read().filter(state -> state.sameRoots(sourcesRoot, resourcesRoot));
    List<ConnectorSource> sources = new SourceScanner(log).scan(request.sources());
    if (sources.isEmpty()) {
      deleteAll(previous.map(BuildState::allOutputs).orElse(List.of()), writer);
      store.delete();
      return new GenerationResult(GenerationResult.Status.NO_SOURCES, 0, 0, 0, 0, writer.deleted());
    }
    Map<String, String> digests = digests(sources);
    String config = request.configDigest();
    Optional<BuildState> comparable = previous.filter(state -> state.configDigest().equals(config));
    if (comparable.isPresent() && upToDate(comparable.get(), digests, writer)) {
      log.info(
          "Generated connector sources are up to date ("
              + DiagnosticReporter.count(sources.size(), "connector file")
              + " unchanged); nothing to generate");
      return new GenerationResult(GenerationResult.Status.UP_TO_DATE, sources.size(), 0, 0, 0, 0);
    }

    Compilation loaded = compile(sources);
    new DiagnosticReporter(log).report(loaded.diagnostics(), request.failOnWarning());
    ConnectorGenerator generator = new ConnectorGenerator(request.packageName());
    Map<String, BuildState.Input> inputs = new LinkedHashMap<>();
    int regenerated = 0;
    for (CompiledFile connector : loaded.connectors()) {
      String path = connector.file().displayPath();
      String digest = digests.get(path);
      BuildState.Input before = comparable.map(state -> state.inputs().get(path)).orElse(null);
      if (before != null
          && before.digest().equals(digest)
          && before.outputs().stream().allMatch(writer::exists)) {
        inputs.put(path, before);
        continue;
      }
      log.debug("Generating " + path);
      List<OutputFile> outputs = new ArrayList<>();
      for (GeneratedFile file : generator.generate(connector.spec())) {
        outputs.add(write(file, writer));
      }
      inputs.put(path, new BuildState.Input(digest, outputs));
      regenerated++;
    }
    List<OutputFile> shared = List.of(write(generator.serviceFile(loaded.specs()), writer));
    BuildState next = new BuildState(config, sourcesRoot, resourcesRoot, inputs, shared);
    Set<OutputFile> current = new HashSet<>(next.allOutputs());
    deleteAll(
        previous.map(BuildState::allOutputs).orElse(List.of()).stream()
            .filter(output -> !current.contains(output))
            .toList(),
        writer);
    store.write(next);
    log.info(
        "Generated connector sources: "
            + DiagnosticReporter.count(sources.size(), "connector file")
            + " ("
            + regenerated
            + " regenerated), "
            + writer.written()
            + " written, "
            + writer.unchanged()
            + " unchanged, "
            + writer.deleted()
            + " deleted");
    return new GenerationResult(
        GenerationResult.Status.GENERATED,
        sources.size(),
        regenerated,
        writer.written(),
        writer.unchanged(),
        writer.deleted());
  }

  /**
   * Loads and cross-checks every file through the compiler that {@code paw validate} and the
   * runtime use too.
   */
  private static Compilation compile(List<ConnectorSource> sources) {
    return ConnectorCompiler.compile(
        sources.stream()
            .map(source -> new ConnectorFile(source.file(), source.displayPath()))
            .toList());
  }

  /**
   * Each file's digest by display path: the path and the bytes, so a renamed file counts as
   * changed.
   */
  private static Map<String, String> digests(List<ConnectorSource> sources) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (ConnectorSource source : sources) {
      Sha256 digest = new Sha256().field(source.displayPath());
      try {
        digest.bytes(Files.readAllBytes(source.file()));
      } catch (IOException e) {
        digest.field("unreadable: " + e.getMessage()); // loading will report it
      }
      digests.put(source.displayPath(), digest.hex());
    }
    return digests;
  }

  private static boolean upToDate(
      BuildState state, Map<String, String> digests, OutputWriter writer) {
    Map<String, String> before = new LinkedHashMap<>();
    state.inputs().forEach((path, input) -> before.put(path, input.digest()));
    return before.equals(digests) && state.allOutputs().stream().allMatch(writer::exists);
  }

  private static OutputFile write(GeneratedFile file, OutputWriter writer) throws IOException {
    OutputFile output =
        new OutputFile(
            file.resource() ? OutputFile.Root.RESOURCES : OutputFile.Root.SOURCES, file.path());
    writer.write(output, file.content());
    return output;
  }

  private void deleteAll(List<OutputFile> outputs, OutputWriter writer) throws IOException {
    for (OutputFile output : outputs) {
      try {
        writer.delete(output);
      } catch (IllegalArgumentException e) {
        log.debug("Not deleting " + output.path() + ": " + e.getMessage());
      }
    }
  }
}
