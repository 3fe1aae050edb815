package dev.paw.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

  @TempDir Path dir;

  @Test
  void writesOnlyWhenTheContentDiffers() throws Exception {
    OutputWriter writer = new OutputWriter(dir.resolve("java"), dir.resolve("res"));
    OutputFile file = new OutputFile(OutputFile.Root.SOURCES, "a/b/C.java");

    writer.write(file, "class C {}");
    Path written = dir.resolve("java/a/b/C.java");
    Files.setLastModifiedTime(written, TestProject.OLD);
    writer.write(file, "class C {}");

    assertThat(Files.getLastModifiedTime(written)).isEqualTo(TestProject.OLD);
    writer.write(file, "class C { int x; }");
    assertThat(written).hasContent("class C { int x; }");
    assertThat(Files.getLastModifiedTime(written)).isNotEqualTo(TestProject.OLD);
    assertThat(writer.written()).isEqualTo(2);
    assertThat(writer.unchanged()).isEqualTo(1);
  }

  @Test
  void deletingPrunesDirectoriesThatBecomeEmptyButNotTheRoot() throws Exception {
    OutputWriter writer = new OutputWriter(dir.resolve("java"), dir.resolve("res"));
    writer.write(new OutputFile(OutputFile.Root.SOURCES, "a/b/C.java"), "c");
    writer.write(new OutputFile(OutputFile.Root.SOURCES, "a/D.java"), "d");
    writer.write(new OutputFile(OutputFile.Root.RESOURCES, "META-INF/services/x"), "x");

    writer.delete(new OutputFile(OutputFile.Root.SOURCES, "a/b/C.java"));
    writer.delete(new OutputFile(OutputFile.Root.RESOURCES, "META-INF/services/x"));
    writer.delete(new OutputFile(OutputFile.Root.RESOURCES, "META-INF/services/gone"));

    assertThat(dir.resolve("java/a/b")).doesNotExist();
    assertThat(dir.resolve("java/a/D.java")).exists();
    assertThat(dir.resolve("res")).isEmptyDirectory();
    assertThat(writer.deleted()).isEqualTo(2);
  }

  @Test
  void pathsOutsideTheirRootAreRefused() {
    OutputWriter writer = new OutputWriter(dir.resolve("java"), dir.resolve("res"));

    assertThatThrownBy(
            () -> writer.write(new OutputFile(OutputFile.Root.SOURCES, "../res/evil"), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a file below");
    assertThatThrownBy(() -> writer.delete(new OutputFile(OutputFile.Root.SOURCES, "/etc/passwd")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
