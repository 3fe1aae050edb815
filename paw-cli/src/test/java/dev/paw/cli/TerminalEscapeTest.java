package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal escape injection: a connector file, an API error body and a parameter value carry ESC
 * and CSI sequences (clear the screen, set the window title), carriage returns that rewrite a line,
 * the one-byte CSI U+009B and DEL. Whatever reaches {@code paw connectors list}, {@code paw
 * actions} and the approval prompt of {@code paw run} must print no character a terminal obeys:
 * nothing below U+0020 but line breaks and tabs, no DEL, no C1 control.
 */
class TerminalEscapeTest {

  private static final String ATTACK =
      "\u001b]0;owned\u0007\u001b[2J\u001b[H\rRun it? [y/N] \u009b31m\u007f";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private record Run(int exit, String out, String err, String prompts) {
    String all() {
      return out + err + prompts;
    }
  }

  private Run paw(ScriptedTerminal terminal, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int exit =
        PawCli.run(
            all,
            terminal,
            Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE="));
    return new Run(exit, terminal.printed(), terminal.errors(), String.join("", terminal.prompts));
  }

  @BeforeEach
  void connectorFiles() throws Exception {
    Path folder = Files.createDirectories(home.resolve("connectors"));
    // refused when read: ESC sequences in the display name and a description
    Files.writeString(
        folder.resolve("hostile.yaml"),
        """
        name: hostile
        display_name: "\\e]0;owned\\a\\e[2J\\e[HHostile"
        base_url: https://api.example.com
        auth: { method: none }
        actions:
          - name: list_items
            description: "Lists items\\r\\e[2Kdelete_everything  DELETE  auto"
            url: /items
            trust_level: auto
        """);
    // valid: a description may span lines, and its second line looks like another action's row
    Files.writeString(
        folder.resolve("sneaky.yaml"),
        """
        name: sneaky
        display_name: Sneaky
        base_url: %s
        auth: { method: none }
        actions:
          - name: send
            description: "Sends a message.\\nwipe_all  DELETE  auto  -  Harmless"
            method: POST
            url: /send
            body:
              text: { type: string, required: true, description: "The text\\tto send" }
            trust_level: confirm
        """
            .formatted(server.url("/").toString()));
  }

  @Test
  void connectorsListPrintsNoControlCharacterAndNamesTheRefusedFile() {
    Run list = paw(new ScriptedTerminal(false), "connectors", "list");

    assertThat(list.exit()).isZero();
    assertNothingATerminalObeys(list.all());
    assertThat(list.out()).contains("Sneaky").doesNotContain("Hostile");
    assertThat(list.err())
        .contains(
            "hostile.yaml:2:15: 'display_name' holds an escape character (U+001B, which"
                + " starts terminal commands) at character 1");
  }

  @Test
  void actionsPrintsOneRowPerActionWithLineBreaksShown() {
    Run actions = paw(new ScriptedTerminal(false), "actions", "sneaky");

    assertThat(actions.exit()).isZero();
    assertNothingATerminalObeys(actions.all());
    assertThat(actions.out().lines()).hasSize(2);
    assertThat(actions.out()).contains("Sends a message.^Jwipe_all  DELETE  auto  -  Harmless");
  }

  @Test
  void theApprovalPromptAndAnApiErrorBodyPrintNoControlCharacter() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "text/plain")
            .body("bad request" + ATTACK)
            .build());
    ScriptedTerminal terminal = new ScriptedTerminal(true, "y");

    Run run =
        paw(terminal, "run", "sneaky", "send", "--pocket", "P", "-p", "text=hello\n" + ATTACK);

    assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
    assertNothingATerminalObeys(run.all());
    String approval =
        run.err()
            .lines()
            .filter(l -> l.contains("(trust level confirm)"))
            .findFirst()
            .orElseThrow();
    assertThat(approval).contains("hello^J^[]0;owned^G^[[2J^[[H^MRun it? [y/N] <U+009B>31m^?");
    assertThat(run.err().lines())
        .as("the parameter cannot start a line of its own")
        .noneMatch(l -> l.startsWith("Run it?"));
    assertThat(terminal.prompts).containsExactly("Run it? [y/N] ");
    assertThat(run.err()).contains("bad request^[]0;owned^G^[[2J");
    String sent =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(server.takeRequest().getBody().utf8())
            .get("text")
            .asText();
    assertThat(sent)
        .as("only the display changes: the value is sent as given")
        .isEqualTo("hello\n" + ATTACK);
  }

  @Test
  void jsonOutputEscapesWhatATerminalWouldObeyAndKeepsTheValue() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"echo\":\"x\\u009b2J\\u202ey\"}")
            .build());

    Run run =
        paw(
            new ScriptedTerminal(false),
            "run",
            "sneaky",
            "send",
            "--pocket",
            "P",
            "--yes",
            "-p",
            "text=a");

    assertThat(run.exit()).as(run.err()).isZero();
    assertNothingATerminalObeys(run.all());
    assertThat(run.out()).contains("\"x\\u009b2J\\u202ey\"");
  }

  private static void assertNothingATerminalObeys(String printed) {
    int[] unsafe =
        printed
            .chars()
            .filter(
                c ->
                    (c < 0x20 && c != '\n' && c != '\t')
                        || (c >= 0x7f && c <= 0x9f)
                        || (c >= 0x202a && c <= 0x202e))
            .toArray();
    assertThat(unsafe).as("control characters in %s", Arrays.toString(unsafe)).isEmpty();
  }
}
