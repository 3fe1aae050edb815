package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.Paw;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.PawHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --credential NAME=VALUE} puts the secret into {@code ps} output and the shell's history;
 * {@code NAME=@FILE} and {@code NAME=-} keep it off the command line. Each stores exactly the
 * secret (one trailing line break removed) and prints it nowhere.
 */
class CredentialArgumentTest {

  private static final String KEY = "sk_test_canary_5b1e0c7a9d";
  private static final Map<String, String> ENV =
      Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=");

  @TempDir Path home;

  @TempDir Path files;

  private record Run(int exit, String out, String err) {}

  private Run paw(ScriptedTerminal terminal, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int exit = PawCli.run(all, terminal, ENV);
    return new Run(exit, terminal.printed(), terminal.errors());
  }

  @Test
  void aCredentialReadFromAFileIsStoredWithoutItsTrailingNewline() throws Exception {
    Path file = Files.writeString(files.resolve("stripe.key"), KEY + "\n");

    Run run =
        paw(
            new ScriptedTerminal(false),
            "connect",
            "stripe",
            "--pocket",
            "P",
            "--no-sync",
            "--credential",
            "STRIPE_API_KEY=@" + file);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(stored()).isEqualTo(KEY);
    assertThat(run.out() + run.err()).doesNotContain(KEY);
  }

  @Test
  void aCredentialReadFromStandardInputIsStoredWithoutItsTrailingNewline() throws Exception {
    Run run =
        paw(
            new ScriptedTerminal(false).withInput(KEY + "\r\n"),
            "connect",
            "stripe",
            "--pocket",
            "P",
            "--no-sync",
            "--credential",
            "STRIPE_API_KEY=-");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(stored()).isEqualTo(KEY);
    assertThat(run.out() + run.err()).doesNotContain(KEY);
  }

  @Test
  void onlyOneTrailingNewlineIsRemovedAndInnerSpaceIsKept() throws Exception {
    Path file = Files.writeString(files.resolve("odd.key"), " " + KEY + "\n\n");

    assertThat(
            paw(
                    new ScriptedTerminal(false),
                    "connect",
                    "stripe",
                    "--pocket",
                    "P",
                    "--no-sync",
                    "--credential",
                    "STRIPE_API_KEY=@" + file)
                .exit())
        .isZero();

    assertThat(stored()).isEqualTo(" " + KEY + "\n");
  }

  @Test
  void aMissingOrEmptyFileIsAClearErrorThatStoresNothing() throws Exception {
    Path empty = Files.writeString(files.resolve("empty.key"), "\n");

    Run missing =
        paw(
            new ScriptedTerminal(false),
            "connect",
            "stripe",
            "--pocket",
            "P",
            "--no-sync",
            "--credential",
            "STRIPE_API_KEY=@" + files.resolve("nope.key"));
    Run blank =
        paw(
            new ScriptedTerminal(false),
            "connect",
            "stripe",
            "--pocket",
            "P",
            "--no-sync",
            "--credential",
            "STRIPE_API_KEY=@" + empty);

    assertThat(missing.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err())
        .contains("--credential STRIPE_API_KEY=@" + files.resolve("nope.key") + ": no such file");
    assertThat(blank.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(blank.err()).contains("--credential STRIPE_API_KEY: " + empty + " is empty");
    assertThat(storedOrNull()).isNull();
  }

  @Test
  void theHelpRecommendsThePromptOrTheEnvironment() {
    Run help = paw(new ScriptedTerminal(false), "connect", "--help");

    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("NAME=@FILE reads it from a file, NAME=- from standard" + " input")
        .contains("best typed at the prompt (not echoed) or set in the environment variable NAME")
        .contains("discouraged");
  }

  private String stored() {
    String value = storedOrNull();
    assertThat(value).as("a stored STRIPE_API_KEY").isNotNull();
    return value;
  }

  private String storedOrNull() {
    try (Paw paw = Paw.builder().home(PawHome.at(home)).environment(ENV).build()) {
      return paw.findPocket("P")
          .flatMap(p -> paw.credentials(p, "stripe").get("STRIPE_API_KEY"))
          .map(Secret::reveal)
          .orElse(null);
    }
  }
}
