package dev.paw.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What an action returned: the HTTP status and body (or a {@code LOCAL} action's JSON result) and
 * how long it took. A refused or failed call does not produce one: it completes exceptionally.
 */
public final class ActionResult {

  /**
   * Reads decimals exactly ({@code 1.50} stays {@code 1.50}), so a result never changes a value it
   * carries.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private final String action;
  private final int status;
  private final String contentType;
  private final byte[] body;
  private final Duration duration;

  public ActionResult(
      String action, int status, String contentType, byte[] body, Duration duration) {
    this.action = action;
    this.status = status;
    this.contentType = contentType;
    this.body = body.clone();
    this.duration = duration;
  }

  public String action() {
    return action;
  }

  /** The HTTP status; 200 for {@code LOCAL} actions that succeeded. */
  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body parsed as JSON; decimal numbers keep their exact digits. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the response of '" + action + "' is not JSON (" + contentType + ")", e);
    }
  }

  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "ActionResult{"
        + action
        + ", status "
        + status
        + ", "
        + body.length
        + " bytes, "
        + duration.toMillis()
        + " ms}";
  }

  /** For tests and LOCAL actions: a JSON result built from a tree. */
  public static ActionResult ofJson(String action, JsonNode json, Duration duration) {
    try {
      return new ActionResult(
          action, 200, "application/json", JSON.writeValueAsBytes(json), duration);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
