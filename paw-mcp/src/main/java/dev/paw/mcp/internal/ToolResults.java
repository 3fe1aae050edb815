package dev.paw.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.ActionResult;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;

/**
 * Tool answers: the service's answer as text, plus {@code structuredContent} when it is JSON; an
 * answer over the size limit is cut, with a note saying so; failures are tool errors ({@code
 * isError}), never protocol errors, so the agent reads why.
 */
final class ToolResults {

  /** The most characters of an answer a tool returns. */
  static final int MAX_CHARS = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolResults() {}

  static CallToolResult of(
      ActionResult result, dev.paw.runtime.internal.credentials.Redactor mask) {
    // structured content is parsed from the masked text, so a masked value is masked in both
    String text = mask.redact(result.text());
    boolean json = result.contentType() != null && result.contentType().contains("json");
    if (text.length() > MAX_CHARS) {
      return CallToolResult.builder().addTextContent(cut(text)).isError(false).build();
    }
    CallToolResult.Builder builder = CallToolResult.builder().addTextContent(text).isError(false);
    if (json) {
      Object structured = structured(text);
      if (structured != null) {
        builder.structuredContent(structured);
      }
    }
    return builder.build();
  }

  /** A value as JSON text and structured content. */
  static CallToolResult json(Map<String, Object> value) {
    String text;
    try {
      text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return error("could not encode the answer: " + e.getOriginalMessage());
    }
    if (text.length() > MAX_CHARS) {
      return CallToolResult.builder().addTextContent(cut(text)).isError(false).build();
    }
    return CallToolResult.builder().addTextContent(text).structuredContent(value).build();
  }

  static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  private static String cut(String text) {
    return text.substring(0, MAX_CHARS)
        + "\n[paw: the answer was cut at "
        + MAX_CHARS
        + " of its "
        + text.length()
        + " characters, so it is not valid JSON and has no structured content; ask for fewer"
        + " records (a limit or filter parameter) or sync the table and use the query tool]";
  }

  /**
   * structuredContent must be an object: an array answer is wrapped as {@code {"items": [...]}}.
   */
  @SuppressWarnings("unchecked")
  private static Object structured(String text) {
    try {
      Object value = JSON.readValue(text, Object.class);
      if (value instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
      if (value instanceof List<?> list) {
        return Map.of("items", list);
      }
      return null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
