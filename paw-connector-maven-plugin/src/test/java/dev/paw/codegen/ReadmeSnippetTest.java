package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's host-application snippet compiles as shown: it is taken out of its fenced block and
 * compiled with javac against the runtime and the client generated from the example's own connector
 * file; and it is the example application that the plugin's integration test builds and runs.
 */
class ReadmeSnippetTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theHostApplicationSnippetCompilesAsShown(@TempDir Path work) throws Exception {
    Path root = Connectors.repositoryRoot();
    String snippet = hostApplication(Files.readString(root.resolve("README.md")));
    Path example = root.resolve("examples/todo-app");

    assertThat(snippet)
        .as("the README shows the example application the build runs")
        .isEqualTo(
            Files.readString(example.resolve("src/main/java/com/example/todo/TodoApp.java")));

    ConnectorSpec todo = Connectors.load(example.resolve("connectors/todo.yaml"), "connectors");
    List<GeneratedFile> files =
        new ArrayList<>(new ConnectorGenerator("com.example.todo.paw").generate(todo));
    files.add(new GeneratedFile("com/example/todo/TodoApp.java", snippet, false));
    InMemoryCompiler.Compilation compiled = InMemoryCompiler.compile(files, work);

    assertThat(compiled.diagnostics()).isEmpty();
    assertThat(compiled.load("com.example.todo.TodoApp").getMethod("main", String[].class))
        .isNotNull();
  }

  /** The fenced Java block of the README that is a whole compilation unit. */
  private static String hostApplication(String readme) {
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      if (m.group(1).startsWith("package ")) {
        return m.group(1);
      }
    }
    throw new AssertionError("the README has no Java block that starts with a package");
  }
}
