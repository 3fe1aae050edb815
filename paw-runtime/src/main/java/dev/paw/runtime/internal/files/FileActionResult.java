package dev.paw.runtime.internal.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * What a file action returns. Every result is a record that renders as the JSON a {@code LOCAL}
 * action answers with, in the connector's snake_case ({@code rows_imported}, {@code null_count}).
 */
public sealed interface FileActionResult
    permits ImportResult,
        TableList,
        TablePreview,
        TableStats,
        QueryResult,
        DropResult,
        ExportResult {

  /** The result as JSON; scaled decimals keep their digits ({@code 1.50}). */
  default JsonNode toJson() {
    return Json.MAPPER.valueToTree(this);
  }

  /** The result as JSON text, decimals always in plain notation. */
  default String toJsonText() {
    try {
      return Json.MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot render " + getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** The mapper results render with. */
  final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(
                JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false) // 1.50 must stay 1.50
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private Json() {}
  }
}
