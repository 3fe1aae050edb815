package dev.paw.cli;

import dev.paw.runtime.pocket.Pocket;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code paw admin set-secret --pocket P}: the secret that approves a pocket's restricted actions.
 */
@Command(
    name = "admin",
    description = "Administer a pocket.",
    subcommands = AdminCommand.SetSecret.class)
final class AdminCommand {

  /**
   * Sets (or changes, given the current one) a pocket's administrator secret, typed at the
   * terminal.
   */
  @Command(
      name = "set-secret",
      description =
          "Set the secret that approves the pocket's restricted actions"
              + " (typed at the terminal, never echoed; only a slow hash is stored).")
  static final class SetSecret implements Callable<Integer> {

    private final CliContext context;

    @Mixin PocketOption.CreatedIfNew pocketOption;

    SetSecret(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Terminal terminal = context.terminal();
      if (!terminal.interactive()) {
        throw new NeedsInputException(
            "the administrator secret is typed at a terminal; there is none");
      }
      Pocket pocket = pocketOption.get(context);
      AdminSecret secret = new AdminSecret(context.paw().credentials(pocket, AdminSecret.SCOPE));
      if (secret.isSet()) {
        char[] current = terminal.readSecret("Current administrator secret: ");
        try {
          if (!secret.matches(current)) {
            terminal.err().println("paw: wrong administrator secret");
            return ExitCodes.REFUSED;
          }
        } finally {
          AdminSecret.wipe(current);
        }
      }
      char[] first =
          terminal.readSecret(
              "New administrator secret (at least " + AdminSecret.MIN_LENGTH + " characters): ");
      char[] second = terminal.readSecret("Again: ");
      try {
        if (first == null || !Arrays.equals(first, second)) {
          terminal.err().println("paw: the two entries differ; nothing changed");
          return ExitCodes.FAILED;
        }
        secret.set(first);
      } finally {
        AdminSecret.wipe(first);
        AdminSecret.wipe(second);
      }
      terminal.out().println("administrator secret set for pocket '" + pocket.name() + "'");
      return ExitCodes.OK;
    }
  }
}
