package dev.paw.cli;

import dev.paw.spec.compile.Compilation;
import dev.paw.spec.compile.ConnectorCompiler;
import dev.paw.spec.compile.ConnectorFile;
import dev.paw.spec.diagnostic.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paw validate PATH...}: the Maven plugin's diagnostics, for CI systems without Maven. Files
 * and folders are compiled together through the same entry point as {@code paw:validate},
 * cross-file checks included.
 */
@Command(
    name = "validate",
    description = "Check connector files; prints path:line:col: message for each problem.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Connector YAML files, or folders of them (every"
              + " .yaml and .yml file at any depth, as the Maven plugin finds them).")
  List<Path> paths;

  @Option(names = "--fail-on-warning", description = "Treat warnings as failures (exit 1).")
  boolean failOnWarning;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<ConnectorFile> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<ConnectorFile> found = ConnectorCompiler.scan(path);
        if (found.isEmpty()) {
          spec.commandLine()
              .getOut()
              .println("warning: no connector files (.yaml, .yml) in " + path);
        }
        files.addAll(found);
      } else {
        files.add(ConnectorFile.of(path));
      }
    }
    Compilation compilation = ConnectorCompiler.compile(files);
    for (Diagnostic diagnostic : compilation.diagnostics()) {
      (diagnostic.isError() ? spec.commandLine().getErr() : spec.commandLine().getOut())
          .println(diagnostic);
    }
    int errors = compilation.errors().size();
    int warnings = compilation.warnings().size();
    spec.commandLine()
        .getOut()
        .println(
            files.size()
                + (files.size() == 1 ? " file, " : " files, ")
                + errors
                + (errors == 1 ? " error, " : " errors, ")
                + warnings
                + (warnings == 1 ? " warning" : " warnings"));
    return errors > 0 || (failOnWarning && warnings > 0) ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
