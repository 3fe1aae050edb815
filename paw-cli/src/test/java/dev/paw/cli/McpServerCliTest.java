package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw connect}, {@code paw actions} and {@code paw run} on a connector that is an MCP server
 * (the reference server, @modelcontextprotocol/server-everything, installed by the build): the
 * {@code paw} command finds paw-mcp's adapter, stores the server's credential encrypted, runs an
 * allowed tool and never prints the credential.
 */
class McpServerCliTest {

  private static final String TOKEN = "tok-cli-5ecret-of-the-server-42";

  @TempDir Path home;

  private final Map<String, String> env =
      Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=");

  @BeforeEach
  void everythingConnector() throws Exception {
    Path server =
        Path.of(
            System.getProperty("paw.node.modules"),
            "@modelcontextprotocol/server-everything/dist/index.js");
    assertThat(server).exists();
    Path connectors = Files.createDirectories(home.resolve("connectors"));
    Files.writeString(
        connectors.resolve("everything.yaml"),
        """
        name: everything
        auth:
          method: none
          credentials:
            - { name: EVERYTHING_TOKEN, secret: true }
        mcp_server:
          command: node
          args: ["%s", stdio]
          env: [EVERYTHING_TOKEN]
          tools:
            - name: get-sum
              trust_level: auto
              params:
                a: { type: number, required: true }
                b: { type: number, required: true }
            - name: get-env
        """
            .formatted(server));
  }

  private ScriptedTerminal paw(int expectedExit, String... args) {
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    assertThat(PawCli.run(all, terminal, env))
        .as(String.join(" ", args) + ": " + terminal.errors())
        .isEqualTo(expectedExit);
    return terminal;
  }

  @Test
  void connectListAndRunAnAllowedTool() {
    paw(
        ExitCodes.OK,
        "connect",
        "everything",
        "--pocket",
        "tools",
        "--credential",
        "EVERYTHING_TOKEN=" + TOKEN,
        "--no-sync");
    String actions = paw(ExitCodes.OK, "actions", "everything").printed();
    assertThat(actions).contains("get_sum").contains("get_env");

    ScriptedTerminal sum =
        paw(
            ExitCodes.OK,
            "run",
            "everything",
            "get_sum",
            "--pocket",
            "tools",
            "-p",
            "a=2",
            "-p",
            "b=40");
    assertThat(sum.printed()).contains("42");

    ScriptedTerminal refused =
        paw(ExitCodes.REFUSED, "run", "everything", "get_env", "--pocket", "tools");
    assertThat(refused.printed() + refused.errors()).doesNotContain(TOKEN);
    String audit = paw(ExitCodes.OK, "audit", "--pocket", "tools").printed();
    assertThat(audit).contains("get_sum").contains("get_env").doesNotContain(TOKEN);
  }
}
