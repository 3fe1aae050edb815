package dev.paw.cli;

import dev.paw.runtime.pocket.Pocket;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --pocket POCKET}, declared here once per meaning so every command describes it the same
 * way. The variants differ in what a pocket that is not there yet means; each lookup is the one its
 * help text promises.
 */
final class PocketOption {

  private PocketOption() {}

  /**
   * Required, and the pocket must exist: commands that read or change what a pocket holds (audit,
   * sync, ...).
   */
  static final class Existing {
    @Option(
        names = "--pocket",
        required = true,
        paramLabel = "POCKET",
        description = "The pocket (an existing one: paw pockets lists them).")
    String name;

    /** The pocket, or an error naming the pockets there are. */
    Pocket get(CliContext context) {
      return context.existingPocket(name);
    }
  }

  /**
   * Required, and created if new: commands that may start a pocket (connect, run, admin
   * set-secret).
   */
  static final class CreatedIfNew {
    @Option(
        names = "--pocket",
        required = true,
        paramLabel = "POCKET",
        description = "The pocket (created if new).")
    String name;

    /** The pocket, created if there is none of that name. */
    Pocket get(CliContext context) {
      return context.pocket(name);
    }
  }

  /** Optional: commands that look at every pocket unless told one (daemon, connectors status). */
  static final class Only {
    @Option(
        names = "--pocket",
        paramLabel = "POCKET",
        description = "Only this pocket (default: every pocket).")
    String name;

    /** The named pocket, which must exist, or every pocket when none was named. */
    List<Pocket> selected(CliContext context) {
      return name == null ? context.paw().pockets() : List.of(context.existingPocket(name));
    }
  }
}
