package dev.paw.spec.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.diagnostic.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one entry point every front end calls: per-file diagnostics, then what only the whole set can
 * show.
 */
class ConnectorCompilerTest {

  @TempDir Path dir;

  private ConnectorFile write(String path, String text) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return new ConnectorFile(file, path);
  }

  @Test
  void theFirstFileKeepsANameAndEveryLaterOneIsAnError() throws Exception {
    List<ConnectorFile> files =
        List.of(
            write("a.yaml", "name: shop\n"),
            write("b.yaml", "name: shop\n"),
            write("c.yaml", "name: shop\n"));

    Compilation compilation = ConnectorCompiler.compile(files);

    assertThat(compilation.specs()).extracting(ConnectorSpec::source).containsExactly("a.yaml");
    assertThat(compilation.diagnostics())
        .map(Diagnostic::toString)
        .containsExactly(
            "b.yaml:1:1: connector name 'shop' is already declared by a.yaml; every connector needs a name of its own"
                + " (the file name does not count)",
            "c.yaml:1:1: connector name 'shop' is already declared by a.yaml; every connector needs a name of its own"
                + " (the file name does not count)");
  }

  @Test
  void namesThatGiveOneJavaPackageClash() throws Exception {
    Compilation compilation =
        ConnectorCompiler.compile(
            List.of(write("a.yaml", "name: shop_v2\n"), write("b.yaml", "name: shop__v2_\n")));

    assertThat(compilation.errors())
        .map(Diagnostic::toString)
        .containsExactly(
            "b.yaml:1:1: connector name"
                + " 'shop__v2_' gives the same Java package as 'shop_v2' in a.yaml; rename one of them");
  }

  @Test
  void aFileWithErrorsTakesNoName() throws Exception {
    Compilation compilation =
        ConnectorCompiler.compile(
            List.of(
                write("a.yaml", "name: shop\nauth: { method: x }\n"),
                write("b.yaml", "name: shop\n")));

    assertThat(compilation.specs()).extracting(ConnectorSpec::source).containsExactly("b.yaml");
    assertThat(compilation.errors())
        .singleElement()
        .asString()
        .startsWith("a.yaml:2:17: unknown auth method 'x'");
  }

  @Test
  void aFolderIsScannedLikeThePluginDoesByDefault() throws Exception {
    write("connectors/b.yml", "name: b\n");
    write("connectors/deeper/a.yaml", "name: a\n");
    write("connectors/notes.txt", "not a connector");

    List<ConnectorFile> files = ConnectorCompiler.scan(dir.resolve("connectors"));

    String root = dir.resolve("connectors").toString().replace('\\', '/');
    assertThat(files)
        .extracting(ConnectorFile::displayPath)
        .containsExactly(root + "/b.yml", root + "/deeper/a.yaml");
  }
}
