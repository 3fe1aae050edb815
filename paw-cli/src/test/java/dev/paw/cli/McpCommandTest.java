package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paw mcp}'s help and its errors before serving (the protocol itself: McpNodeClientIT). */
class McpCommandTest {

  private static final Map<String, String> ENV =
      Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=");

  @TempDir Path home;

  @Test
  void helpExplainsTransportsAndTrustLevels() {
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit = PawCli.run(new String[] {"mcp", "--help"}, terminal, ENV);
    assertThat(exit).isZero();
    assertThat(terminal.printed())
        .contains("--pocket", "--http", "Model Context Protocol", "elicitation", "restricted")
        .contains("bearer token");
  }

  @Test
  void anUnknownPocketIsAnErrorAndStdoutStaysEmpty() {
    ScriptedTerminal mcp = new ScriptedTerminal(false);
    int exit =
        PawCli.run(new String[] {"--home", home.toString(), "mcp", "--pocket", "Nope"}, mcp, ENV);
    assertThat(exit).isNotZero();
    assertThat(mcp.errors()).contains("no pocket named 'Nope'");
    assertThat(mcp.printed()).as("stdout belongs to the protocol").isEmpty();
  }
}
