package dev.paw.cli;

import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ApprovalRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What every command shares: the terminal, the home directory, and a {@link Paw} built on first use
 * with approvers that ask at the terminal ({@code confirm}: y/N or {@code --yes}; {@code
 * restricted}: the pocket's administrator secret, which {@code --yes} cannot stand in for).
 */
final class CliContext implements AutoCloseable {

  /** Set by automation to approve restricted actions without a terminal; see docs. */
  static final String ADMIN_SECRET_ENV = "PAW_ADMIN_SECRET";

  private final Terminal terminal;
  private final Map<String, String> environment;
  private Supplier<Path> home = () -> null;
  private BooleanSupplier allowShadowing = () -> false;
  private boolean assumeYes;
  private volatile SyncListener progress = SyncListener.NONE;
  private Paw paw;

  CliContext(Terminal terminal, Map<String, String> environment) {
    this.terminal = terminal;
    this.environment = environment;
  }

  Terminal terminal() {
    return terminal;
  }

  Map<String, String> environment() {
    return environment;
  }

  void home(Supplier<Path> value) {
    this.home = value;
  }

  /** Whether a connector file may replace a built-in ({@code --allow-shadowing}). */
  void allowShadowing(BooleanSupplier value) {
    this.allowShadowing = value;
  }

  /**
   * Approve {@code confirm} actions without asking ({@code --yes}); never {@code restricted} ones.
   */
  void assumeYes(boolean value) {
    this.assumeYes = value;
  }

  /** Where sync commits are reported while a command shows progress. */
  void progress(SyncListener listener) {
    this.progress = listener;
  }

  PawHome pawHome() {
    Path override = home.get();
    return override != null
        ? PawHome.at(override)
        : PawHome.fromEnvironment(environment, System.getProperty("user.home"));
  }

  Paw paw() {
    if (paw == null) {
      paw =
          Paw.builder()
              .home(pawHome())
              .environment(environment)
              .approver(this::confirm)
              .adminApprover(this::administrator)
              .listener(change -> progress.onChange(change))
              .allowShadowing(allowShadowing.getAsBoolean())
              .limits(RuntimeLimits.fromEnvironment(environment, RuntimeLimits.defaults()))
              .build();
      // a file that replaces (or was kept from replacing) a built-in is never used silently
      paw.connectorNotes().forEach(note -> terminal.err().println("paw: " + note));
    }
    return paw;
  }

  /**
   * A new runtime like {@link #paw()} whose audit entries name {@code actor} and whose confirm
   * actions are asked of {@code approver}; restricted actions are always denied (for {@code paw
   * mcp}, where no agent or MCP client may approve one).
   */
  Paw newPaw(String actor, dev.paw.runtime.trust.Approver approver) {
    return Paw.builder()
        .home(pawHome())
        .environment(environment)
        .approver(approver)
        .actor(actor)
        .allowShadowing(allowShadowing.getAsBoolean())
        .limits(RuntimeLimits.fromEnvironment(environment, RuntimeLimits.defaults()))
        .build();
  }

  Pocket pocket(String name) {
    return paw().pocket(name);
  }

  /** An existing pocket, or an error naming the pockets there are. */
  Pocket existingPocket(String name) {
    return paw()
        .findPocket(name)
        .orElseThrow(
            () -> {
              List<String> names = paw().pockets().stream().map(Pocket::name).toList();
              return new IllegalArgumentException(
                  "no pocket named '"
                      + name
                      + "' ("
                      + (names.isEmpty()
                          ? "there are none yet; 'paw connect NAME --pocket POCKET' makes one"
                          : "pockets: " + String.join(", ", names))
                      + ")");
            });
  }

  private boolean confirm(ApprovalRequest request) {
    if (assumeYes) {
      return true;
    }
    if (!terminal.interactive()) {
      terminal
          .err()
          .println(
              "paw: "
                  + request.subject()
                  + " needs confirmation; run it at a terminal or pass --yes");
      return false;
    }
    // one line: a parameter value holding a line break could otherwise print a request that looks
    // like another
    terminal
        .err()
        .println(
            TerminalText.singleLine(
                request.subject() + " (trust level confirm) with " + request.parameters()));
    return isYes(terminal.readLine("Run it? [y/N] "));
  }

  /**
   * Whether the answer to a {@code [y/N]} question is yes: {@code y} or {@code yes}, any case; no
   * answer is no.
   */
  static boolean isYes(String answer) {
    return answer != null
        && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
  }

  private boolean administrator(ApprovalRequest request) {
    Pocket pocket = paw().findPocket(request.pocket()).orElse(null);
    if (pocket == null) {
      return false;
    }
    AdminSecret secret = new AdminSecret(paw().credentials(pocket, AdminSecret.SCOPE));
    if (!secret.isSet()) {
      terminal
          .err()
          .println(
              "paw: "
                  + request.subject()
                  + " is restricted, and pocket '"
                  + pocket.name()
                  + "' has no administrator secret; set one with: paw admin set-secret --pocket \""
                  + pocket.name()
                  + "\"");
      return false;
    }
    String fromEnvironment = environment.get(ADMIN_SECRET_ENV);
    if (fromEnvironment != null) {
      return secret.matches(fromEnvironment.toCharArray());
    }
    if (!terminal.interactive()) {
      terminal
          .err()
          .println(
              "paw: "
                  + request.subject()
                  + " is restricted: an administrator must approve it at a"
                  + " terminal");
      return false;
    }
    terminal
        .err()
        .println(
            TerminalText.singleLine(
                request.subject() + " is RESTRICTED with " + request.parameters()));
    char[] typed = terminal.readSecret("Administrator secret for pocket '" + pocket.name() + "': ");
    try {
      boolean ok = secret.matches(typed);
      if (!ok) {
        terminal.err().println("paw: wrong administrator secret");
      }
      return ok;
    } finally {
      AdminSecret.wipe(typed);
    }
  }

  @Override
  public void close() {
    if (paw != null) {
      paw.close();
    }
  }
}
