package dev.paw.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with javac as a user's build would ({@code -Xlint:all -Werror}) and
 * loads them.
 */
final class InMemoryCompiler {

  /** What javac said, and a class loader over what it wrote. */
  record Compilation(List<String> diagnostics, ClassLoader classLoader) {
    Class<?> load(String name) {
      try {
        return classLoader.loadClass(name);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(name + " was not compiled", e);
      }
    }
  }

  private InMemoryCompiler() {}

  static Compilation compile(List<GeneratedFile> files, Path workDirectory) {
    try {
      Path sources = Files.createDirectories(workDirectory.resolve("src"));
      Path classes = Files.createDirectories(workDirectory.resolve("classes"));
      List<Path> javaFiles = new ArrayList<>();
      for (GeneratedFile file : files) {
        Path path = (file.resource() ? classes : sources).resolve(file.path());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.content());
        if (!file.resource()) {
          javaFiles.add(path);
        }
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      try (StandardJavaFileManager fileManager =
          javac.getStandardFileManager(collector, Locale.ROOT, null)) {
        List<String> options =
            List.of(
                "-Xlint:all",
                "-Werror",
                "--release",
                "17",
                "-proc:none",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString());
        javac
            .getTask(
                null,
                fileManager,
                collector,
                options,
                null,
                fileManager.getJavaFileObjectsFromPaths(javaFiles))
            .call();
      }
      List<String> diagnostics =
          collector.getDiagnostics().stream()
              .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
              .map(
                  d ->
                      d.getKind()
                          + " "
                          + d.getSource().getName()
                          + ":"
                          + d.getLineNumber()
                          + ": "
                          + d.getMessage(Locale.ROOT))
              .toList();
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {classes.toUri().toURL()}, InMemoryCompiler.class.getClassLoader());
      return new Compilation(diagnostics, loader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
