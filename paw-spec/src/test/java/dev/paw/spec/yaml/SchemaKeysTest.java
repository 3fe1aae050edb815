package dev.paw.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.spec.ConnectorSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema knows exactly the keys each reader knows, so neither can drift from the other.
 */
class SchemaKeysTest {

  private static final JsonNode SCHEMA = ConnectorSchema.json();

  @Test
  void topLevel() {
    assertThat(keys("")).containsExactlyInAnyOrderElementsOf(ConnectorReader.KEYS);
    assertThat(keys("/properties/surface_profile"))
        .containsExactlyInAnyOrderElementsOf(ConnectorReader.SURFACE_KEYS);
  }

  @Test
  void auth() {
    assertThat(keys("/$defs/auth")).containsExactlyInAnyOrderElementsOf(AuthReader.KEYS);
    assertThat(keys("/$defs/credential"))
        .containsExactlyInAnyOrderElementsOf(CredentialReader.KEYS);
    assertThat(keys("/$defs/oauth2")).containsExactlyInAnyOrderElementsOf(OAuth2Reader.KEYS);
  }

  @Test
  void actions() {
    assertThat(keys("/$defs/action")).containsExactlyInAnyOrderElementsOf(ActionReader.KEYS);
    assertThat(keys("/$defs/param")).containsExactlyInAnyOrderElementsOf(ParamReader.KEYS);
    assertThat(keys("/$defs/pagination/anyOf/1"))
        .containsExactlyInAnyOrderElementsOf(PaginationReader.KEYS);
  }

  @Test
  void mcpServer() {
    assertThat(keys("/$defs/mcpServer")).containsExactlyInAnyOrderElementsOf(McpServerReader.KEYS);
    assertThat(keys("/$defs/mcpTool"))
        .containsExactlyInAnyOrderElementsOf(McpServerReader.TOOL_KEYS);
  }

  @Test
  void sync() {
    assertThat(keys("/$defs/stream")).containsExactlyInAnyOrderElementsOf(SyncReader.KEYS);
    assertThat(keys("/$defs/stream/properties/changes"))
        .containsExactlyInAnyOrderElementsOf(ChangesReader.KEYS);
    assertThat(keys("/$defs/stream/properties/incremental"))
        .containsExactlyInAnyOrderElementsOf(SyncReader.INCREMENTAL_KEYS);
    assertThat(keys("/$defs/column/anyOf/2"))
        .containsExactlyInAnyOrderElementsOf(ColumnReader.KEYS);
  }

  @Test
  void everyObjectRejectsUnknownKeysAsTheReadersDo() {
    for (String pointer :
        List.of(
            "",
            "/properties/surface_profile",
            "/$defs/auth",
            "/$defs/credential",
            "/$defs/oauth2",
            "/$defs/action",
            "/$defs/param",
            "/$defs/pagination/anyOf/1",
            "/$defs/stream",
            "/$defs/stream/properties/incremental",
            "/$defs/column/anyOf/2",
            "/$defs/mcpServer",
            "/$defs/mcpTool")) {
      assertThat(SCHEMA.at(pointer + "/additionalProperties").asBoolean(true))
          .as(pointer)
          .isFalse();
    }
  }

  private static List<String> keys(String pointer) {
    List<String> keys = new ArrayList<>();
    SCHEMA.at(pointer + "/properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
