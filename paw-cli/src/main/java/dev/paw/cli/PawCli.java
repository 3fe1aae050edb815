package dev.paw.cli;

import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.runtime.trust.ConnectorChangedException;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code paw} command: connect services to pockets, sync, run actions, read the audit trail.
 */
@Command(
    name = "paw",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = PawCli.Version.class,
    description =
        "Declarative API connectors: sync services into a pocket's SQLite database (pocket.db).",
    footer = ExitCodes.HELP,
    subcommands = {
      ConnectorsCommand.class,
      ConnectCommand.class,
      DisconnectCommand.class,
      SyncCommand.class,
      ActionsCommand.class,
      RunCommand.class,
      AuditCommand.class,
      ValidateCommand.class,
      DaemonCommand.class,
      PocketsCommand.class,
      AdminCommand.class,
      McpCommand.class,
      DemoCommand.class,
      AutoComplete.GenerateCompletion.class
    })
public final class PawCli {

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  boolean debug;

  @Option(
      names = "--home",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Use DIR instead of $PAW_HOME (default ~/.paw).")
  Path home;

  @Option(
      names = "--allow-shadowing",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "Let a connector file"
              + " replace the built-in connector of the same name (its hosts and trust levels instead of the built-in's).")
  boolean allowShadowing;

  public static void main(String[] args) {
    System.exit(run(args, Terminal.system(), System.getenv()));
  }

  /**
   * Runs {@code paw} with the given arguments, terminal and environment; returns the exit code.
   * Everything printed goes through a {@link SafeTerminal}.
   */
  static int run(String[] args, Terminal given, Map<String, String> environment) {
    Terminal terminal = SafeTerminal.wrap(given);
    PawCli root = new PawCli();
    try (CliContext context = new CliContext(terminal, environment)) {
      context.home(() -> root.home);
      context.allowShadowing(() -> root.allowShadowing);
      CommandLine cli = new CommandLine(root, new Factory(context));
      cli.setOut(terminal.out()).setErr(terminal.err());
      cli.setExecutionExceptionHandler(
          (e, commandLine, parseResult) -> {
            Throwable cause =
                e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            commandLine.getErr().println("paw: " + message(cause));
            if (root.debug) {
              cause.printStackTrace(commandLine.getErr());
            }
            return cause instanceof ActionRefusedException
                    || cause instanceof ConnectorChangedException
                ? ExitCodes.REFUSED
                : cause instanceof NeedsInputException
                    ? ExitCodes.NEEDS_INPUT
                    : cause instanceof MissingAdapterException ? ExitCodes.USAGE : ExitCodes.FAILED;
          });
      cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
      return cli.execute(args);
    } catch (Error e) {
      // A JVM error escaped a command: still one line, no stack trace unless asked.
      terminal
          .err()
          .println(
              "paw: internal error: " + e + (root.debug ? "" : " (run with --debug for details)"));
      if (root.debug) {
        e.printStackTrace(terminal.err());
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

  /**
   * Gives commands that take a {@link CliContext} the shared one (also used by tests that parse
   * without running).
   */
  record Factory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1
            && constructor.getParameterTypes()[0] == CliContext.class) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(context));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
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
