package dev.paw.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateStoreTest {

  @TempDir Path dir;

  @Test
  void roundTripsEveryFieldIncludingAwkwardPaths() throws Exception {
    BuildState state =
        new BuildState(
            "c0ffee",
            "/out/java",
            "/out/res\twith tab",
            Map.of(
                "connectors/a b.yaml",
                    new BuildState.Input(
                        "aa",
                        List.of(
                            new OutputFile(OutputFile.Root.SOURCES, "x/A.java"),
                            new OutputFile(OutputFile.Root.SOURCES, "x/B.java"))),
                "connectors/back\\slash\nnewline.yaml", new BuildState.Input("bb", List.of())),
            List.of(new OutputFile(OutputFile.Root.RESOURCES, "META-INF/services/x")));
    BuildStateStore store = new BuildStateStore(dir.resolve("paw/generate.state"));

    store.write(state);

    assertThat(store.read()).contains(state);
    assertThat(Files.list(dir.resolve("paw"))).as("no temporary file left").hasSize(1);
  }

  @Test
  void missingOrForeignFilesReadAsNoState() throws Exception {
    Path file = dir.resolve("generate.state");
    BuildStateStore store = new BuildStateStore(file);
    assertThat(store.read()).isEmpty();

    Files.writeString(file, "something else\n");
    assertThat(store.read()).isEmpty();

    Files.writeString(
        file,
        "paw-state\t1\nconfig\tc\nsources-root\t/a\nresources-root\t/b\noutput\tSOURCES\tx\n");
    assertThat(store.read()).as("an output before any input").isEmpty();

    Files.writeString(
        file, "paw-state\t1\nconfig\tc\nsources-root\t/a\nresources-root\t/b\nshared\tNOPE\tx\n");
    assertThat(store.read()).as("an unknown root").isEmpty();

    Files.writeString(file, "paw-state\t1\nconfig\tc\nsources-root\t/a\n");
    assertThat(store.read()).as("truncated").isEmpty();
  }
}
