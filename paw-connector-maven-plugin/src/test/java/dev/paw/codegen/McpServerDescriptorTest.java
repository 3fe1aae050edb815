package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.lang.reflect.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector declaring {@code mcp_server} generates a descriptor that rebuilds it whole, server
 * and allow-list included, so a generated client runs its tools like the YAML does.
 */
class McpServerDescriptorTest {

  @Test
  void theDescriptorKeepsTheServer(@TempDir Path work) throws ReflectiveOperationException {
    ConnectorSpec spec =
        ConnectorLoader.load(
                """
                name: notes
                auth:
                  method: none
                  credentials:
                    - { name: NOTES_TOKEN, secret: true }
                mcp_server:
                  command: node
                  args: [server.js, stdio]
                  env: [NOTES_TOKEN]
                  tools:
                    - name: search-notes
                      trust_level: auto
                      params:
                        query: { type: string, required: true }
                    - name: delete-note
                """,
                "connectors/notes.yaml")
            .orThrow();
    ConnectorGenerator generator = new ConnectorGenerator("com.example.mcp");
    InMemoryCompiler.Compilation compilation =
        InMemoryCompiler.compile(generator.generate(spec), work);
    Field field = compilation.load(generator.descriptorClass(spec)).getField("SPEC");
    ConnectorSpec rebuilt = (ConnectorSpec) field.get(null);
    assertThat(rebuilt.mcpServer()).isNotNull();
    assertThat(rebuilt).isEqualTo(spec);
  }
}
