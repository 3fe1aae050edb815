package dev.paw.bench.jmh;

import dev.paw.codegen.ConnectorGenerator;
import dev.paw.codegen.GeneratedFile;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The work of {@code paw:generate} on every connector of ../connectors and
 * ../shared/pocketpaw-connectors, without Maven and without writing files: parse, link and validate
 * the YAML, then generate the Java sources. Scores are milliseconds for the whole set. The
 * repository root is {@code -Dpaw.repositoryRoot}, else found from the jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneratorBenchmark {

  private List<Path> files;
  private List<ConnectorSpec> specs;
  private final ConnectorGenerator generator = new ConnectorGenerator("dev.paw.bench.gen");

  @Setup
  public void setUp() throws IOException {
    Path root = repositoryRoot();
    files = new ArrayList<>();
    for (Path folder :
        List.of(root.resolve("connectors"), root.resolve("../shared/pocketpaw-connectors"))) {
      try (Stream<Path> yaml = Files.list(folder)) {
        yaml.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    specs = new ArrayList<>();
    for (Path file : files) {
      specs.add(ConnectorLoader.load(file, file.getFileName().toString()).orThrow());
    }
    System.out.println("\n" + files.size() + " connector files");
  }

  /** Generation alone, on connectors already loaded. */
  @Benchmark
  public void generate(Blackhole sources) {
    for (ConnectorSpec spec : specs) {
      for (GeneratedFile file : generator.generate(spec)) {
        sources.consume(file);
      }
    }
    sources.consume(generator.serviceFile(specs));
  }

  /**
   * What {@code paw:generate} does on a clean build, less Maven and the file writes: load, then
   * generate.
   */
  @Benchmark
  public void loadAndGenerate(Blackhole sources) {
    List<ConnectorSpec> loaded = new ArrayList<>(files.size());
    for (Path file : files) {
      ConnectorSpec spec = ConnectorLoader.load(file, file.getFileName().toString()).orThrow();
      loaded.add(spec);
      for (GeneratedFile source : generator.generate(spec)) {
        sources.consume(source);
      }
    }
    sources.consume(generator.serviceFile(loaded));
  }

  private static Path repositoryRoot() {
    String property = System.getProperty("paw.repositoryRoot");
    if (property != null) {
      return Path.of(property);
    }
    try {
      // paw-bench/target/paw-bench.jar
      Path jar =
          Path.of(
              GeneratorBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
