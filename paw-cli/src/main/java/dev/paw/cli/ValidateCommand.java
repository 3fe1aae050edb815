package dev.paw.cli;

import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paw validate FILE...}: the Maven plugin's diagnostics, for CI systems without Maven. */
@Command(name = "validate", description = "Check connector files; prints path:line:col: message for each problem.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Connector YAML files.")
  List<Path> files;

  @Option(names = "--fail-on-warning", description = "Treat warnings as failures (exit 1).")
  boolean failOnWarning;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    int errors = 0;
    int warnings = 0;
    for (Path file : files) {
      ConnectorLoader.Result result = ConnectorLoader.load(file, file.toString().replace('\\', '/'));
      for (Diagnostic diagnostic : result.diagnostics()) {
        (diagnostic.isError() ? spec.commandLine().getErr() : spec.commandLine().getOut()).println(diagnostic);
      }
      errors += result.errors().size();
      warnings += result.warnings().size();
    }
    spec.commandLine().getOut().println(files.size() + (files.size() == 1 ? " file, " : " files, ")
        + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
    return errors > 0 || (failOnWarning && warnings > 0) ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
