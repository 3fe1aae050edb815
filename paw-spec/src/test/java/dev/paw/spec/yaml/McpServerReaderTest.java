package dev.paw.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.McpServerSpec;
import dev.paw.spec.TrustLevel;
import dev.paw.spec.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mcp_server}: an MCP server whose allowed tools become the connector's LOCAL actions. */
class McpServerReaderTest {

  private static ConnectorLoader.Result load(String server) {
    return ConnectorLoader.load("name: tools\n" + server, "tools.yaml");
  }

  private static List<String> errors(String server) {
    return load(server).diagnostics().stream()
        .filter(Diagnostic::isError)
        .map(Diagnostic::toString)
        .toList();
  }

  @Test
  void eachAllowedToolBecomesALocalActionAtItsTrustLevel() {
    ConnectorSpec spec =
        load("""
                auth:
                  method: none
                  credentials:
                    - { name: API_TOKEN, secret: true }
                mcp_server:
                  command: node
                  args: [server.js, stdio]
                  env: [API_TOKEN]
                  tools:
                    - name: get-sum
                      trust_level: auto
                      description: Adds two numbers
                      params:
                        a: { type: number, required: true }
                    - name: echo
                """)
            .orThrow();

    McpServerSpec server = spec.mcpServer();
    assertThat(server.command()).isEqualTo("node");
    assertThat(server.args()).containsExactly("server.js", "stdio");
    assertThat(server.env()).containsExactly("API_TOKEN");
    assertThat(server.toolForAction("get_sum").orElseThrow().name()).isEqualTo("get-sum");
    ActionSpec sum = spec.action("get_sum").orElseThrow();
    assertThat(sum.method()).isEqualTo(HttpMethod.LOCAL);
    assertThat(sum.trustLevel()).isEqualTo(TrustLevel.AUTO);
    assertThat(sum.description()).isEqualTo("Adds two numbers");
    assertThat(sum.body()).extracting(p -> p.name()).containsExactly("a");
    assertThat(spec.action("echo").orElseThrow().trustLevel()).isEqualTo(TrustLevel.CONFIRM);
  }

  @Test
  void aConnectorWithoutTheKeyHasNoServer() {
    assertThat(
            ConnectorLoader.load("name: plain\nbase_url: https://a.example\n", "plain.yaml")
                .orThrow()
                .mcpServer())
        .isNull();
  }

  @Test
  void unknownKeysAreErrorsAtTheirPlace() {
    assertThat(
            errors(
                """
                mcp_server:
                  command: node
                  comand: typo
                  tools:
                    - name: echo
                      trust: auto
                """))
        .anySatisfy(e -> assertThat(e).startsWith("tools.yaml:4:3").contains("comand"))
        .anySatisfy(e -> assertThat(e).startsWith("tools.yaml:7:7").contains("trust"));
  }

  @Test
  void aServerNeedsACommandAndTools() {
    assertThat(errors("mcp_server:\n  args: [x]\n"))
        .anySatisfy(e -> assertThat(e).startsWith("tools.yaml:3:3").contains("no 'command'"))
        .anySatisfy(e -> assertThat(e).contains("no 'tools'"));
  }

  @Test
  void duplicateAndInvalidToolNamesAreErrors() {
    assertThat(
            errors(
                """
                mcp_server:
                  command: node
                  tools:
                    - name: get-sum
                    - name: get_sum
                    - name: "9lives"
                    - name: "rm -rf"
                """))
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("tools.yaml:6:13")
                    .contains("duplicate tool 'get_sum'")
                    .contains("line 5"))
        .anySatisfy(e -> assertThat(e).startsWith("tools.yaml:7:13").contains("not a valid name"))
        .anySatisfy(e -> assertThat(e).startsWith("tools.yaml:8:13").contains("not a valid name"));
  }

  @Test
  void aToolCannotTakeTheNameOfADeclaredAction() {
    assertThat(
            errors(
                """
                actions:
                  - name: echo
                    method: LOCAL
                mcp_server:
                  command: node
                  tools:
                    - name: echo
                """))
        .anySatisfy(e -> assertThat(e).startsWith("tools.yaml:8:13").contains("also declared"));
  }

  @Test
  void envNamesOnlyDeclaredCredentials() {
    assertThat(
            errors(
                """
                mcp_server:
                  command: node
                  env: [API_TOKEN]
                  tools: []
                """))
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("tools.yaml:4:9")
                    .contains("'API_TOKEN' is not a credential of this connector"));
  }

  @Test
  void pawsOwnVariablesCannotBeAskedFor() {
    assertThat(
            errors(
                """
                mcp_server:
                  command: node
                  env: [PAW_MASTER_KEY, "not a name"]
                  tools: []
                """))
        .anySatisfy(e -> assertThat(e).contains("'PAW_MASTER_KEY'").contains("paw's own"))
        .anySatisfy(e -> assertThat(e).contains("'not a name'"));
  }
}
