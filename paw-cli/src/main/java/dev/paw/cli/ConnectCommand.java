package dev.paw.cli;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.ConnectorProtocol.ConnectionResult;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.EnvironmentCredentialStore;
import dev.paw.runtime.pocket.ConnectionRecord;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ConnectorChangedException;
import dev.paw.runtime.trust.PinChange;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.CredentialSpec;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paw connect NAME --pocket P}: gathers the connector's credentials (options, the
 * environment, what is already stored, then prompts: secrets without echo), stores them encrypted,
 * creates the tables and runs a first sync.
 */
@Command(
    name = "connect",
    description =
        "Connect a connector to a pocket: store its credentials, create its tables,"
            + " run a first sync.")
final class ConnectCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(paramLabel = "NAME", description = "The connector, e.g. stripe.")
  String name;

  @Mixin PocketOption.CreatedIfNew pocketOption;

  @Option(
      names = "--credential",
      paramLabel = "NAME=@FILE|-|VALUE",
      description =
          "A credential (repeatable):"
              + " NAME=@FILE reads it from a file, NAME=- from standard input (one trailing newline is removed). Secrets are"
              + " best typed at the prompt (not echoed) or set in the environment variable NAME; NAME=VALUE also works but is"
              + " discouraged: the value shows in ps output and in the shell's history. Credentials not given are taken from"
              + " the environment or asked for.")
  Map<String, String> credentials = new LinkedHashMap<>();

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Replace the connector's base URL (a proxy, a"
              + " regional or enterprise endpoint, a test server).")
  String baseUrl;

  @Mixin ConnectionSettingsOptions settings;

  @Option(names = "--no-sync", description = "Do not run the first sync.")
  boolean noSync;

  @Option(
      names = "--reauthorize",
      description =
          "OAuth 2 connectors: authorize in the browser again even when a" + " grant is stored.")
  boolean reauthorize;

  @Option(
      names = "--auth-timeout",
      defaultValue = "5m",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long to wait for the browser: 90s, 5m, PT5M (default ${DEFAULT-VALUE}).")
  Duration authTimeout;

  @Option(
      names = "--review",
      description =
          "Show what changed in the connector's definition since it was connected"
              + " (hosts, trust levels, credentials) and approve it, so the connection runs again.")
  boolean review;

  @Option(names = "--yes", description = "With --review: approve the changes without asking.")
  boolean yes;

  ConnectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (review) {
      return review();
    }
    ConnectorSpec spec = context.paw().requireConnector(name).spec();
    MissingAdapterException.check(context.paw(), name);
    Pocket pocket = pocketOption.get(context);
    List<PinChange> changes = context.paw().pinChanges(pocket, name);
    if (changes.stream().anyMatch(PinChange::loosens)) {
      // connecting again would approve the change without showing it: that is what --review is for
      throw new ConnectorChangedException(name, pocket.name(), changes);
    }
    ScopedCredentials store = context.paw().credentials(pocket, name);
    for (String given : credentials.keySet()) {
      if (spec.auth().credential(given).isEmpty()) {
        throw new IllegalArgumentException(
            "connector '"
                + name
                + "' has no credential '"
                + given
                + "' (it takes: "
                + String.join(
                    ", ", spec.auth().credentials().stream().map(CredentialSpec::name).toList())
                + ")");
      }
    }
    settings.check(spec); // before any credential is stored
    if (credentials.values().stream().filter(CredentialArgument::fromStdin).count() > 1) {
      throw new IllegalArgumentException(
          "only one --credential can be read from standard input (NAME=-)");
    }
    for (CredentialSpec credential : spec.auth().credentials()) {
      String value = valueOf(credential, store);
      if (value != null) {
        store.put(credential.name(), Secret.of(value));
      }
    }
    if (BrowserAuthorization.applies(spec)) {
      new BrowserAuthorization(context).authorize(spec, pocket, reauthorize, authTimeout);
    }
    ConnectorProtocol connector = context.paw().connector(pocket, name);
    // the first sync that follows checks the credentials, and says so in the CLI's own words
    ConnectionResult result =
        connector
            .connect(settings.options(baseUrl).withoutCredentialCheck())
            .toCompletableFuture()
            .join();
    context
        .terminal()
        .out()
        .println(
            "connected "
                + name
                + " to pocket '"
                + pocket.name()
                + "'"
                + (result.tables().isEmpty()
                    ? ""
                    : " (tables: " + String.join(", ", result.tables()) + ")"));
    ConnectionSettingsOptions.printNotes(connector.spec(), context.terminal().err());
    if (noSync || result.tables().isEmpty()) {
      return ExitCodes.OK;
    }
    return new SyncRunner(context).syncAll(connector, pocket);
  }

  /**
   * Shows what changed since the connector was connected and, once the user says yes, connects it
   * again with the same base URL, which pins the definition as it is now.
   */
  private int review() throws SQLException {
    context.paw().requireConnector(name);
    // reviewing a connection never creates a pocket: it needs one that holds the connection
    Pocket pocket = context.existingPocket(pocketOption.name);
    ConnectionRecord record =
        pocket.connections().stream()
            .filter(r -> r.connector().equals(name))
            .findFirst()
            .filter(r -> r.state() != ConnectionRecord.State.DISCONNECTED)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '"
                            + name
                            + "' is not connected to pocket '"
                            + pocket.name()
                            + "'; connect it first"));
    List<PinChange> changes = context.paw().pinChanges(pocket, name);
    Terminal terminal = context.terminal();
    if (changes.isEmpty()) {
      terminal
          .out()
          .println(
              "connector "
                  + name
                  + " has not changed since it was connected to pocket '"
                  + pocket.name()
                  + "'");
      return ExitCodes.OK;
    }
    terminal
        .out()
        .println(
            "connector "
                + name
                + " has changed since it was connected to pocket '"
                + pocket.name()
                + "':");
    for (PinChange change : changes) {
      terminal.out().println("  " + change + (change.loosens() ? "   (needs your approval)" : ""));
    }
    boolean approved = yes;
    if (!approved && terminal.interactive()) {
      approved = CliContext.isYes(terminal.readLine("Approve these changes? [y/N] "));
    }
    if (!approved) {
      terminal
          .err()
          .println(
              "paw: changes not approved; the connection stays refused"
                  + (terminal.interactive()
                      ? ""
                      : " (pass --yes to approve them without a terminal)"));
      return ExitCodes.REFUSED;
    }
    context
        .paw()
        .connector(pocket, name)
        .connect(new ConnectOptions(record.baseUrlOverride()).withoutCredentialCheck())
        .toCompletableFuture()
        .join();
    terminal
        .out()
        .println(
            "approved: "
                + name
                + " in pocket '"
                + pocket.name()
                + "' now runs with its current"
                + " definition");
    return ExitCodes.OK;
  }

  /**
   * The value to store, or {@code null} to keep what is stored (or leave an optional one unset).
   */
  private String valueOf(CredentialSpec credential, ScopedCredentials store) {
    String given = credentials.get(credential.name());
    if (given != null) {
      return CredentialArgument.resolve(credential.name(), given, context.terminal());
    }
    // the variables the runtime would read for this connector, never any other (see
    // EnvironmentCredentialStore)
    String fromEnvironment =
        new EnvironmentCredentialStore(context.environment())
            .get(store.scope(), credential.name())
            .map(Secret::reveal)
            .orElse(null);
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    if (store.get(credential.name()).isPresent()) {
      return null;
    }
    Terminal terminal = context.terminal();
    if (!terminal.interactive()) {
      if (credential.required()) {
        throw new NeedsInputException(
            "connector '"
                + name
                + "' needs "
                + credential.name()
                + " and there is no"
                + " terminal to ask at: pass --credential "
                + credential.name()
                + "=... or set the environment variable "
                + EnvironmentCredentialStore.variableFor(name, credential.name()));
      }
      return null;
    }
    String prompt =
        credential.name()
            + (credential.description() == null ? "" : " (" + credential.description() + ")")
            + (credential.required() ? "" : " [optional, Enter to skip]")
            + ": ";
    while (true) {
      String value;
      if (credential.secret()) {
        char[] typed = terminal.readSecret(prompt);
        value = typed == null ? null : new String(typed);
        AdminSecret.wipe(typed);
      } else {
        value = terminal.readLine(prompt);
      }
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
      if (!credential.required()) {
        return null;
      }
      if (value == null) {
        throw new NeedsInputException(credential.name() + " is required");
      }
      terminal.err().println(credential.name() + " is required.");
    }
  }
}
