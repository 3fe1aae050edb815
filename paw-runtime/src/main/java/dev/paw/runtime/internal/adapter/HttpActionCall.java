package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.internal.http.BodyLimit;
import dev.paw.runtime.internal.http.ResponseLimitException;
import dev.paw.spec.ActionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends an action's request and reads its answer within the action body limit. A failure becomes an
 * {@link ActionFailedException} whose message holds the start of the error body (servers explain
 * themselves there), with the connection's credential values masked.
 */
final class HttpActionCall {

  private static final int ERROR_BODY_CHARS = 500;

  private final String connector;
  private final RuntimeSettings settings;

  HttpActionCall(String connector, RuntimeSettings settings) {
    this.connector = connector;
    this.settings = settings;
  }

  /**
   * An answer as sent: the result, the URL it came from (after redirects) and its {@code Link}
   * headers, which paging reads.
   */
  record Sent(ActionResult result, HttpUrl url, List<String> links) {}

  ActionResult send(
      ActionSpec action,
      Request unlimited,
      Instant started,
      OkHttpClient client,
      Redaction redaction) {
    return sent(action, unlimited, started, client, redaction).result();
  }

  Sent sent(
      ActionSpec action,
      Request unlimited,
      Instant started,
      OkHttpClient client,
      Redaction redaction) {
    Request request =
        unlimited
            .newBuilder()
            .tag(BodyLimit.class, RuntimeSettingsInternals.actionBody(settings.limits()))
            .build();
    try (Response response = client.newCall(request).execute()) {
      byte[] body = response.body().bytes();
      Duration duration = Duration.between(started, settings.clock().instant());
      if (!response.isSuccessful()) {
        throw new ActionFailedException(
            action.name(),
            response.code(),
            redaction
                .refreshed()
                .redact(
                    failed(action)
                        + request.method()
                        + " "
                        + request.url().host()
                        + request.url().encodedPath()
                        + " answered "
                        + response.code()
                        + ": "
                        + excerpt(body)));
      }
      String contentType = response.header("Content-Type", "application/octet-stream");
      return new Sent(
          new ActionResult(action.name(), response.code(), contentType, body, duration),
          response.request().url(),
          response.headers("Link"));
    } catch (IOException e) {
      IOException explained =
          ResponseLimitException.explained(e, Duration.ofMillis(client.callTimeoutMillis()));
      throw new ActionFailedException(
          action.name(), 0, redaction.refreshed().redact(failed(action) + explained.getMessage()));
    }
  }

  private String failed(ActionSpec action) {
    return "action '" + action.name() + "' of connector '" + connector + "' failed: ";
  }

  /** The start of an error body on one line, cut at {@value #ERROR_BODY_CHARS} characters. */
  static String excerpt(byte[] body) {
    String text =
        new String(body, 0, Math.min(body.length, ERROR_BODY_CHARS * 4), StandardCharsets.UTF_8)
            .replaceAll("\\s+", " ")
            .strip();
    return text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "..." : text;
  }
}
