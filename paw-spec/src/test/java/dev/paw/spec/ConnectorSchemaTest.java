package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema ({@code connector.schema.json}) describes the format the loader reads.
 */
class ConnectorSchemaTest {

  /**
   * Invalid files the schema cannot reject: their errors need the whole file (names that must be
   * declared elsewhere, duplicates, a default against its enum, placeholders against parameters),
   * or they are not YAML an editor can read as data at all.
   */
  private static final Set<String> BEYOND_A_SCHEMA =
      Set.of(
          // not data: the YAML itself is broken or hostile
          "alias_bomb.yaml",
          "alias_expansion_over_budget.yaml",
          "excessive_nesting.yaml",
          "not_utf8.yaml",
          "syntax_error.yaml",
          "tab_indentation.yaml",
          "two_documents.yaml",
          "duplicate_yaml_key.yaml",
          "number_out_of_range.yaml",
          "recursive_alias_value.yaml",
          "merge_key_cycle.yaml",
          "invalid_tag.yaml",
          // references across the file
          "auth_credential_not_declared.yaml",
          "base_url_placeholder_not_credential.yaml",
          "header_placeholder_unknown_credential.yaml",
          "oauth2_client_id_not_declared.yaml",
          "placeholder_is_body_field.yaml",
          "placeholder_matches_nothing.yaml",
          "placeholder_parameter_in_host.yaml",
          "pagination_param_is_placeholder.yaml",
          "primary_key_not_a_column.yaml",
          "required_source_params_missing.yaml",
          "source_unknown.yaml",
          "source_without_url.yaml",
          "sync_param_not_of_source.yaml",
          "sync_param_wrong_type.yaml",
          "sync_params_of_inferred_source.yaml",
          "each_brace_unclosed.yaml",
          "each_param_not_of_action.yaml",
          "each_required_param_missing.yaml",
          "each_unknown_action.yaml",
          "each_action_not_auto.yaml",
          "sync_param_not_of_items_type.yaml",
          // comparisons of values
          "default_outside_enum.yaml",
          "column_case_clash.yaml",
          "duplicate_action.yaml",
          "duplicate_credential.yaml",
          "duplicate_parameter.yaml",
          "duplicate_sync_table.yaml",
          "returns_not_one_pass.yaml",
          // only warnings
          "warning_only_write_action_auto.yaml");

  static Stream<Path> pocketPawFiles() {
    return TestFiles.sharedConnectorFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pocketPawFiles")
  @EnabledIf(value = SharedConnectors.PRESENT, disabledReason = SharedConnectors.MISSING)
  void everyPocketPawFileIsValid(Path file) throws IOException {
    assertThat(ConnectorSchema.validate(Files.readString(file))).isEmpty();
  }

  @Test
  void rejectsEveryInvalidFileItCanJudgeAndOnlyTheOthersPass() throws IOException {
    Set<String> accepted = new TreeSet<>();
    for (Path file : TestFiles.yamlFiles(TestFiles.resourceDirectory("invalid"))) {
      if (BEYOND_A_SCHEMA.contains(file.getFileName().toString())) {
        continue;
      }
      if (ConnectorSchema.validate(Files.readString(file)).isEmpty()) {
        accepted.add(file.getFileName().toString());
      }
    }
    assertThat(accepted).as("invalid files the schema accepts").isEmpty();
  }

  @Test
  void theFilesItCannotJudgeAreInTheCorpus() {
    List<String> corpus =
        TestFiles.yamlFiles(TestFiles.resourceDirectory("invalid")).stream()
            .map(f -> f.getFileName().toString())
            .toList();

    assertThat(corpus).containsAll(BEYOND_A_SCHEMA);
  }

  @Test
  void isAValidDraft202012Schema() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    com.networknt.schema.Schema metaSchema =
        registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(ConnectorSchema.json())).isEmpty();
    assertThat(ConnectorSchema.json().path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void everyPropertyHasATitleAndADescriptionForEditors() {
    List<String> undocumented = new ArrayList<>();
    collectUndocumented(ConnectorSchema.json(), "", undocumented);

    assertThat(undocumented).isEmpty();
  }

  @Test
  void enumerationsAreTheModelsSpellings() {
    JsonNode defs = ConnectorSchema.json().path("$defs");

    assertThat(strings(defs.at("/action/properties/trust_level/enum")))
        .containsExactlyElementsOf(wireNames(TrustLevel.values(), TrustLevel::wireName));
    assertThat(strings(defs.at("/stream/properties/write_mode/enum")))
        .containsExactlyElementsOf(wireNames(WriteMode.values(), WriteMode::wireName));
    assertThat(strings(defs.at("/pagination/anyOf/1/properties/style/enum")))
        .containsExactlyElementsOf(wireNames(PaginationStyle.values(), PaginationStyle::wireName));
    assertThat(strings(defs.at("/param/properties/type/enum")))
        .containsExactlyElementsOf(wireNames(ParamType.values(), ParamType::wireName));
    assertThat(strings(defs.at("/column/anyOf/2/properties/type/enum")))
        .containsExactlyElementsOf(wireNames(ColumnType.values(), ColumnType::wireName));
    assertThat(strings(defs.at("/auth/properties/method/enum")))
        .containsExactlyInAnyOrderElementsOf(
            concat(wireNames(AuthMethod.values(), AuthMethod::wireName), "oauth"));
    assertThat(strings(defs.at("/action/properties/content_type/enum")))
        .containsExactlyInAnyOrder(
            "json", "form", ContentType.JSON.mediaType(), ContentType.FORM.mediaType());
    assertThat(strings(defs.at("/action/properties/method/examples")))
        .containsExactlyElementsOf(wireNames(HttpMethod.values(), HttpMethod::name));
  }

  @Test
  void schedulesTheSchemaAllowsAreTheOnesScheduleParses() {
    String pattern =
        ConnectorSchema.json().at("/$defs/stream/properties/schedule/pattern").asText();
    List<String> samples =
        List.of(
            "manual",
            "hourly",
            "daily",
            "every_5m",
            "every_999999d",
            "every_0m",
            "every_15",
            "every 5m",
            "every_1000000m",
            "sometimes",
            "every_05m");

    for (String sample : samples) {
      assertThat(sample.matches(pattern)).as(sample).isEqualTo(Schedule.parse(sample).isPresent());
    }
  }

  private static void collectUndocumented(JsonNode node, String path, List<String> undocumented) {
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null
          && properties.isObject()
          && !path.contains("/if")
          && !path.contains("/then")
          && !path.contains("/allOf")) {
        for (var e : properties.properties()) {
          JsonNode property = e.getValue();
          boolean documented =
              property.has("description") && property.has("title") || property.has("$ref");
          if (!documented) {
            undocumented.add(path + "/properties/" + e.getKey());
          }
        }
      }
      for (var e : node.properties()) {
        collectUndocumented(e.getValue(), path + "/" + e.getKey(), undocumented);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectUndocumented(node.get(i), path + "/" + i, undocumented);
      }
    }
  }

  private static List<String> strings(JsonNode array) {
    assertThat(array.isArray()).as("an array in the schema").isTrue();
    List<String> values = new ArrayList<>();
    array.forEach(
        v -> {
          if (!v.isNull()) {
            values.add(v.asText());
          }
        });
    return values;
  }

  private static <E> List<String> wireNames(
      E[] values, java.util.function.Function<E, String> wireName) {
    return Arrays.stream(values).map(wireName).toList();
  }

  private static List<String> concat(List<String> list, String extra) {
    List<String> all = new ArrayList<>(list);
    all.add(extra);
    return all;
  }
}
