package dev.paw.runtime.internal.http;

import dev.paw.runtime.internal.credentials.CredentialSource;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ContentType;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.ParamIn;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.UrlTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the HTTP request for one action call of one connection. Defaults are applied and every
 * parameter is checked (unknown names, required, type, enum, usable in the URL) before a request
 * exists, and all problems are reported together in an {@link InvalidParametersException}. The
 * request carries no auth: the connection's {@link AuthInterceptor} adds it on the way out, so a
 * built request holds no secret unless the connector puts a credential in its URL.
 *
 * <p>URLs: a relative action URL is joined to the connector's {@code base_url}. A base URL override
 * (a test server, a proxy, GitHub Enterprise) replaces the scheme, host and base path: the
 * connector's {@code base_url} when the action URL starts with it, otherwise the action URL's
 * origin ({@code https://api.stripe.com/v1/charges} with override {@code http://127.0.0.1:8080}
 * becomes {@code http://127.0.0.1:8080/v1/charges}).
 *
 * <p>Parameters go where the spec says: {@code PATH} fills the URL, {@code QUERY} the query string,
 * {@code BODY} the JSON or form body. A {@code GET} cannot carry a body in OkHttp, so body fields
 * of a {@code GET} go to the query.
 */
public final class RequestFactory {

  private final ConnectorSpec connector;
  private final CredentialSource credentials;
  private final HttpUrl baseUrlOverride;

  /**
   * @param baseUrlOverride replaces the connector's origin and base path, or {@code null}
   */
  public RequestFactory(
      ConnectorSpec connector, CredentialSource credentials, HttpUrl baseUrlOverride) {
    this.connector = connector;
    this.credentials = credentials;
    this.baseUrlOverride = baseUrlOverride;
  }

  /** Builds the request for {@code action} with parameters keyed by wire name. */
  public Request create(String action, Map<String, ?> params) {
    ActionSpec spec =
        connector
            .action(action)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '"
                            + connector.name()
                            + "' has no action '"
                            + action
                            + "' (it has "
                            + connector.actions().stream()
                                .map(ActionSpec::name)
                                .collect(Collectors.joining(", "))
                            + ")"));
    return create(spec, params);
  }

  /** Builds the request for {@code action} with parameters keyed by wire name. */
  public Request create(ActionSpec action, Map<String, ?> params) {
    if (action.method() == HttpMethod.LOCAL || action.url() == null) {
      throw new IllegalArgumentException(
          "action '"
              + action.name()
              + "' of connector '"
              + connector.name()
              + "' is not an HTTP action"
              + (action.method() == HttpMethod.LOCAL ? " (it is LOCAL)" : " (it has no url)"));
    }
    List<InvalidParametersException.Problem> problems = new ArrayList<>();
    Map<String, Object> values = ParameterChecker.check(action, params, problems);
    Set<String> pathParams =
        action.params().stream()
            .filter(p -> p.in() == ParamIn.PATH)
            .map(ParamSpec::name)
            .collect(Collectors.toSet());
    String context = "action '" + action.name() + "' of connector '" + connector.name() + "'";
    HttpUrl url =
        new UrlExpander(connector, credentials, context)
            .expand(template(action), values, pathParams, problems);
    if (!problems.isEmpty()) {
      throw new InvalidParametersException(action.name(), problems);
    }

    HttpUrl.Builder withQuery = url.newBuilder();
    Map<String, Object> body = new LinkedHashMap<>();
    for (ParamSpec param : action.allParams()) {
      Object value = values.get(param.name());
      if (value == null || param.in() == ParamIn.PATH) {
        continue;
      }
      if (param.in() == ParamIn.QUERY || action.method() == HttpMethod.GET) {
        BodyEncoder.addQuery(withQuery, param.name(), value);
      } else {
        body.put(param.name(), value);
      }
    }
    return new Request.Builder()
        .url(withQuery.build())
        .method(action.method().name(), body(action, body))
        .tag(ActionSpec.class, action)
        .build();
  }

  private RequestBody body(ActionSpec action, Map<String, Object> fields) {
    HttpMethod method = action.method();
    if (method == HttpMethod.GET) {
      return null;
    }
    if (fields.isEmpty() && action.body().isEmpty()) {
      // OkHttp needs a body for POST, PUT and PATCH; DELETE goes without
      return method == HttpMethod.DELETE ? null : RequestBody.create(new byte[0], null);
    }
    return action.contentType() == ContentType.FORM
        ? BodyEncoder.form(fields)
        : BodyEncoder.json(fields);
  }

  /** The action's URL as an absolute template, with the base URL override applied. */
  String template(ActionSpec action) {
    String url = action.url();
    String base = connector.baseUrl();
    boolean absolute = UrlTemplate.parse(url).template().isAbsolute();
    if (!absolute) {
      if (base == null) {
        throw new IllegalArgumentException(
            "url '"
                + url
                + "' of action '"
                + action.name()
                + "' is relative, but"
                + " connector '"
                + connector.name()
                + "' has no base_url");
      }
      url = join(base, url);
    }
    if (baseUrlOverride == null) {
      return url;
    }
    String override = baseUrlOverride.toString();
    if (base != null && url.startsWith(base)) {
      return join(override, url.substring(base.length()));
    }
    return join(override, url.substring(originEnd(url)));
  }

  /**
   * Where the origin of an absolute template ends: the first '/' after "scheme://" or after a
   * leading placeholder.
   */
  private static int originEnd(String url) {
    int scheme = url.indexOf("://");
    int from = scheme >= 0 ? scheme + 3 : Math.max(0, url.indexOf('}') + 1);
    int slash = url.indexOf('/', from);
    int query = url.indexOf('?', from);
    int end = slash < 0 ? url.length() : slash;
    return query >= 0 && query < end ? query : end;
  }

  private static String join(String base, String rest) {
    String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    if (rest.isEmpty() || rest.startsWith("?")) {
      return left + rest;
    }
    return left + (rest.startsWith("/") ? rest : "/" + rest);
  }
}
