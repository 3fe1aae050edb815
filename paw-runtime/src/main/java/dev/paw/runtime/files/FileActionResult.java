package dev.paw.runtime.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * What a file action returns. Every result is a record that renders as the JSON a {@code LOCAL} action answers
 * with, in the connector's snake_case ({@code rows_imported}, {@code null_count}).
 */
public sealed interface FileActionResult
    permits ImportResult, TableList, TablePreview, TableStats, QueryResult, DropResult, ExportResult {

  /** The result as JSON; scaled decimals keep their digits ({@code 1.50}). */
  default JsonNode toJson() {
    return Json.MAPPER.valueToTree(this);
  }

  /** The mapper results render with. */
  final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private Json() {}
  }
}
