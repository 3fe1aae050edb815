package dev.paw.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorVersionTest {

  @TempDir Path dir;

  @Test
  void aReleaseIsItsVersion() throws Exception {
    assertThat(GeneratorVersion.of("1.2.0", List.of(jar("a.jar", "x")))).isEqualTo("1.2.0");
  }

  @Test
  void aSnapshotAddsTheDigestOfItsJars() throws Exception {
    Path plugin = jar("plugin.jar", "one");
    Path spec = jar("spec.jar", "two");

    String version = GeneratorVersion.of("1.3-SNAPSHOT", List.of(plugin, spec));

    assertThat(version).matches("1\\.3-SNAPSHOT\\+[0-9a-f]{64}");
    assertThat(
            GeneratorVersion.of(
                "1.3-SNAPSHOT", List.of(spec, plugin, plugin, dir.resolve("missing.jar"))))
        .as("order, repeats, missing files")
        .isEqualTo(version);
    Files.writeString(spec, "changed");
    assertThat(GeneratorVersion.of("1.3-SNAPSHOT", List.of(plugin, spec))).isNotEqualTo(version);
  }

  @Test
  void aClassDirectoryOfAReactorBuildCountsByItsFiles() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes/dev/paw/codegen"));
    Path generator = Files.writeString(classes.resolve("ClientGenerator.class"), "one");
    String version = GeneratorVersion.of("1.3-SNAPSHOT", List.of(dir.resolve("classes")));

    assertThat(GeneratorVersion.of("1.3-SNAPSHOT", List.of(dir.resolve("classes"))))
        .isEqualTo(version);
    Files.writeString(generator, "two");
    assertThat(GeneratorVersion.of("1.3-SNAPSHOT", List.of(dir.resolve("classes"))))
        .as("a changed class")
        .isNotEqualTo(version);
    Files.move(generator, classes.resolve("RowGenerator.class"));
    Files.writeString(classes.resolve("RowGenerator.class"), "one");
    assertThat(GeneratorVersion.of("1.3-SNAPSHOT", List.of(dir.resolve("classes"))))
        .as("a renamed class")
        .isNotEqualTo(version);
  }

  private Path jar(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
