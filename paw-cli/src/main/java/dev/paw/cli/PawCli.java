package dev.paw.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code paw} command: connect services to pockets, sync, run actions, read the audit trail. */
@Command(name = "paw", mixinStandardHelpOptions = true, versionProvider = PawCli.Version.class,
    description = "Declarative API connectors: sync services into a pocket's SQLite database.",
    footer = ExitCodes.HELP,
    subcommands = {ValidateCommand.class, AutoComplete.GenerateCompletion.class})
public final class PawCli {

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  boolean debug;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs {@code paw} with the given arguments and streams; returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    PawCli root = new PawCli();
    CommandLine cli = new CommandLine(root);
    cli.setOut(out).setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("paw: " + message(e));
      if (root.debug) {
        e.printStackTrace(commandLine.getErr());
      }
      return ExitCodes.FAILED;
    });
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    try {
      return cli.execute(args);
    } catch (Error e) {
      // A JVM error escaped a command: still one line, no stack trace unless asked.
      err.println("paw: internal error: " + e + (root.debug ? "" : " (run with --debug for details)"));
      if (root.debug) {
        e.printStackTrace(err);
      }
      return ExitCodes.FAILED;
    }
  }

  private static String message(Throwable e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PawCli.class.getPackage().getImplementationVersion();
      return new String[] {"paw " + (version == null ? "development" : version)};
    }
  }
}
