package dev.paw.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.OAuth2Spec;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One OAuth 2 connection's token endpoint: posts a grant with the client's authentication (HTTP
 * Basic when it has a secret, as RFC 6749 §2.3.1 says every server accepts; only {@code client_id}
 * for a public client) and returns the answer, or an error that names what failed without any
 * secret.
 */
final class TokenEndpoint {

  private final ConnectorSpec connector;
  private final OAuth2Spec oauth2;
  private final ScopedCredentials credentials;
  private final OkHttpClient client;
  private final String context;
  private final String reauthorize;

  /**
   * @param reauthorize what the user runs to authorize again (named in the error of a revoked or
   *     expired grant)
   */
  TokenEndpoint(
      ConnectorSpec connector,
      ScopedCredentials credentials,
      OkHttpClient client,
      String context,
      String reauthorize) {
    this.connector = connector;
    this.oauth2 = connector.auth().oauth2();
    this.credentials = credentials;
    // A token request must go out once: a refresh token the server has already rotated, or an
    // authorization code
    // already exchanged, is refused (and may revoke the grant) when OkHttp silently sends the
    // request again after a
    // dropped connection; and a redirect would carry the grant to wherever it points.
    this.client =
        client
            .newBuilder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
    this.context = context;
    this.reauthorize = reauthorize;
  }

  /** Posts {@code form} (a grant) and returns the token response. */
  JsonNode post(FormBody.Builder form) throws IOException {
    Request.Builder request = new Request.Builder().url(url()).header("Accept", "application/json");
    String clientId = oauth2.clientId() == null ? null : credential(oauth2.clientId());
    String clientSecret =
        oauth2.clientSecret() == null
            ? null
            : credentials.get(oauth2.clientSecret()).map(Secret::reveal).orElse(null);
    if (clientSecret != null) {
      request.header(
          "Authorization", Credentials.basic(formEncode(clientId), formEncode(clientSecret)));
    } else if (clientId != null) {
      form.add("client_id", clientId);
    }
    try (Response response = client.newCall(request.post(form.build()).build()).execute()) {
      if (response.code() == 429 || response.code() >= 500) {
        // the server is busy or failing, not refusing: a fault a sync may retry, unlike a refused
        // grant
        throw new IOException(
            "the OAuth 2 token endpoint of " + context + " answered " + response.code());
      }
      JsonNode body = parse(response);
      if (!response.isSuccessful() || !body.path("access_token").isTextual()) {
        String error = body.path("error").asText("");
        throw new AuthenticationException(
            "the OAuth 2 token endpoint of "
                + context
                + " answered "
                + response.code()
                + (error.isEmpty() ? "" : " (" + safe(error) + ")")
                + (error.equals("invalid_grant")
                    ? ": the grant was revoked or has expired; authorize again with: "
                        + reauthorize
                        + " --reauthorize"
                    : ""));
      }
      return body;
    }
  }

  /** What the user runs to authorize again. */
  String reauthorize() {
    return reauthorize;
  }

  private HttpUrl url() throws AuthenticationException {
    try {
      HttpUrl url =
          new UrlExpander(connector, credentials::get, context + " (token_url)")
              .expand(oauth2.tokenUrl(), Map.of(), Set.of(), new ArrayList<>());
      if (url == null) {
        throw new AuthenticationException("cannot build the token_url of " + context);
      }
      return url;
    } catch (RuntimeException e) {
      throw new AuthenticationException(
          "cannot build the token_url of " + context + ": " + e.getMessage(), e);
    }
  }

  String credential(String name) throws AuthenticationException {
    return credentials
        .get(name)
        .map(Secret::reveal)
        .orElseThrow(
            () ->
                new AuthenticationException(
                    "missing credential '"
                        + name
                        + "' for "
                        + context
                        + ": store it with 'paw connect' or set the environment"
                        + " variable "
                        + name));
  }

  private static JsonNode parse(Response response) {
    try {
      return ValueText.JSON.readTree(response.body().byteStream());
    } catch (IOException | RuntimeException e) {
      return ValueText.JSON.createObjectNode();
    }
  }

  /** RFC 6749 §2.3.1: the client id and secret are form-encoded before Basic encoding. */
  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Error codes are short ASCII words (RFC 6749 §5.2); anything else is not shown. */
  private static String safe(String error) {
    return error.matches("[a-z_]{1,40}") ? error : "unreadable error code";
  }
}
